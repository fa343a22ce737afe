import * as vscode from 'vscode';
import { parseRoster, type Roster } from '@coach-guard/core';
import { CASE_MARKER, CASE_ROSTER, parseCaseMarker, type CaseMarker } from './case-folder';
import type { FilePort } from './plugin-storage';
import type { Ui } from './ui';

export interface CaseInfo {
  folder: vscode.Uri;
  marker: CaseMarker;
}

/** The FilePort of plugin-storage over a folder (the extension's global storage). */
export function createVscodeFilePort(root: vscode.Uri): FilePort {
  return {
    async read(name) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, name)));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
      }
    },
    async write(name, text) {
      const uri = vscode.Uri.joinPath(root, name);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    },
  };
}

/** Finds the case a file belongs to: the nearest folder above it holding a case marker. */
export class CaseFolders {
  async caseOf(uri: vscode.Uri): Promise<CaseInfo | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    let folder = vscode.Uri.joinPath(uri, '..');
    for (let depth = 0; depth < 6; depth++) {
      const marker = await readMarker(folder);
      if (marker) return { folder, marker };
      if (!root || folder.path === root.path || folder.path === '/') return undefined;
      folder = vscode.Uri.joinPath(folder, '..');
    }
    return undefined;
  }

  /** The case's roster.json, when the coach keeps one; a broken one is an error, not ignored. */
  async rosterOf(info: CaseInfo): Promise<Roster | undefined> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(info.folder, CASE_ROSTER)));
    } catch {
      return undefined;
    }
    return parseRoster(JSON.parse(text));
  }

  async pickCase(ui: Ui): Promise<CaseInfo | undefined> {
    const markers = await vscode.workspace.findFiles(`**/${CASE_MARKER}`, '**/node_modules/**', 50);
    const found: CaseInfo[] = [];
    for (const uri of markers) {
      const folder = vscode.Uri.joinPath(uri, '..');
      const marker = await readMarker(folder);
      if (marker) found.push({ folder, marker });
    }
    if (found.length === 0) {
      ui.error('Coach Guard: no supervision case in this workspace. Run "Coach Guard: New Supervision Case" first.');
      return undefined;
    }
    if (found.length === 1) return found[0];
    return ui.pick(
      found.map((c) => ({ label: c.marker.title, description: vscode.workspace.asRelativePath(c.folder), value: c })),
      { placeHolder: 'Which case?' },
    );
  }
}

async function readMarker(folder: vscode.Uri): Promise<CaseMarker | undefined> {
  try {
    return parseCaseMarker(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, CASE_MARKER))));
  } catch {
    return undefined;
  }
}
