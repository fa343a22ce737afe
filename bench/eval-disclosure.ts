/** Quality figures for the disclosure corpus (being built). */
export function evalDisclosure(path: string): void {
  console.log(`eval: disclosure figures are not implemented yet (${path})`);
}
