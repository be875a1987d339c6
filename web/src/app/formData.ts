/** A text field of a submitted form; absent or file fields read as empty. */
export function textField(data: FormData, name: string): string {
  const value = data.get(name)
  return typeof value === 'string' ? value : ''
}
