/**
 * The first syntax error of a JSON text, with its offset, or undefined when the text is
 * valid JSON. JSON.parse says where it stopped only in some messages of some Node
 * versions; this says it always, in the same words everywhere.
 */
export const jsonSyntaxError = (text: string): { readonly offset: number; readonly message: string } | undefined => {
  let i = 0
  const stop = (message: string): never => {
    throw new JsonStop(i, message)
  }
  const next = () => (i >= text.length ? "the end of the file" : JSON.stringify(text[i]))
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++
  }
  const string = () => {
    i++
    while (i < text.length) {
      const c = text[i] as string
      if (c === '"') {
        i++
        return
      }
      if (c === "\\") {
        const escaped = text[i + 1] ?? ""
        if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6
        else if (escaped !== "" && '"\\/bfnrt'.includes(escaped)) i += 2
        else stop("invalid escape in a string")
        continue
      }
      if (c < " ") stop("a control character in a string (write it escaped, such as \\n)")
      i++
    }
    stop("a string that is never closed")
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === "{") {
      i++
      space()
      if (text[i] === "}") {
        i++
        return
      }
      for (;;) {
        space()
        if (text[i] !== '"') stop(`expected a property name in double quotes, got ${next()}`)
        string()
        space()
        if (text[i] !== ":") stop(`expected ":" after a property name, got ${next()}`)
        i++
        value()
        space()
        if (text[i] === "}") {
          i++
          return
        }
        if (text[i] !== ",") stop(`expected "," or "}", got ${next()}`)
        i++
      }
    }
    if (c === "[") {
      i++
      space()
      if (text[i] === "]") {
        i++
        return
      }
      for (;;) {
        value()
        space()
        if (text[i] === "]") {
          i++
          return
        }
        if (text[i] !== ",") stop(`expected "," or "]", got ${next()}`)
        i++
      }
    }
    if (c === '"') {
      string()
      return
    }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 512))
    if (literal === null) stop(`expected a value, got ${next()}`)
    i += (literal as RegExpExecArray)[0].length
  }
  try {
    value()
    space()
    if (i < text.length) stop(`expected the end of the file after the value, got ${next()}`)
    return undefined
  } catch (error) {
    if (error instanceof JsonStop) return { offset: error.offset, message: error.message }
    if (error instanceof RangeError) return { offset: i, message: "the value is nested too deeply" }
    throw error
  }
}

class JsonStop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}
