// The open room lives in the address (#/rooms/<id>), so reload and the back button keep it.

const PREFIX = '#/rooms/'

export function roomHref(roomId: string): string {
  return `${PREFIX}${encodeURIComponent(roomId)}`
}

export function roomFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX) || hash.length === PREFIX.length) {
    return null
  }
  try {
    return decodeURIComponent(hash.slice(PREFIX.length))
  } catch {
    return null
  }
}

export function openRoom(roomId: string | null): void {
  window.location.hash = roomId === null ? '' : roomHref(roomId)
}
