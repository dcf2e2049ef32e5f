// The nonce of a webview's script and style, from Web Crypto (the desktop and the web extension host alike).
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
