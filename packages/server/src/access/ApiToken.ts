import { createHash, randomBytes } from "node:crypto"

/**
 * An API token: `tops_`, 30 random base62 characters, then 6 characters of checksum (CRC-32
 * of the random part, in base62), so that a secret scanner can tell a real token from a
 * look-alike without asking the server. Only its SHA-256 hash is stored.
 */
const prefix = "tops_"
const secretLength = 30
const checksumLength = 6
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

const base62 = (value: number, length: number) => {
  let text = ""
  let rest = value
  for (let i = 0; i < length; i++) {
    text = alphabet[rest % 62] + text
    rest = Math.floor(rest / 62)
  }
  return text
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (text: string) => {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text, "utf8")) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const checksumOf = (secret: string) => base62(crc32(secret), checksumLength)

/** A new token; the caller shows it once. */
export const newApiToken = (): string => {
  // Rejection sampling keeps every character equally likely.
  let secret = ""
  while (secret.length < secretLength) {
    for (const byte of randomBytes(secretLength)) {
      if (byte < 248 && secret.length < secretLength) secret += alphabet[byte % 62]
    }
  }
  return `${prefix}${secret}${checksumOf(secret)}`
}

const shape = new RegExp(`^${prefix}[0-9A-Za-z]{${secretLength + checksumLength}}$`)

/** Whether `text` is shaped like a token and its checksum holds. */
export const isApiToken = (text: string): boolean =>
  shape.test(text) &&
  checksumOf(text.slice(prefix.length, prefix.length + secretLength)) === text.slice(prefix.length + secretLength)

/** Whether `text` claims to be a token (its prefix), valid or not. */
export const claimsApiToken = (text: string): boolean => text.startsWith(prefix)

/** What is stored in place of the token. */
export const hashApiToken = (token: string): string => createHash("sha256").update(token).digest("hex")
