/** Quality figures for the anonymise corpus (being built). */
export function evalAnonymise(path: string): void {
  console.log(`eval: anonymise figures are not implemented yet (${path})`);
}
