/**
 * A problem with a REFI-QDA file that stops an import or export: its message is one sentence for the
 * user that says what is wrong and what to do. Front ends show the message as it is.
 */
export class RefiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefiError';
  }
}
