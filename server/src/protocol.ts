/**
 * The custom protocol between the extension client and the language server, in one
 * place: one constant (and its argument types) per custom command or method, imported
 * by both sides. Only types and constants: no runtime dependency on either side.
 */

/**
 * Code lenses run this command with arguments `[uri, position, locations]` (LSP
 * `DocumentUri`, `Position`, `Location[]`); the client maps it onto VS Code's
 * `editor.action.showReferences` after converting the arguments.
 */
export const SHOW_REFERENCES_COMMAND = 'isms.showReferences';
