/** The character maskIdNumber hides digits with. */
const MASK = '*'

/**
 * The new value of a field that was showing `masked` (a number shown masked, whose hidden digits
 * cannot be edited blind) after one edit made it `edited`: the first edit starts the number afresh
 * with exactly what the user typed or pasted. Replacing the whole text (select all, then type or
 * paste) keeps all of it; typing or pasting into the masked text keeps only the inserted part;
 * deleting leaves the field empty.
 */
export function afterEditingMasked(masked: string, edited: string): string {
  if (!edited.includes(MASK)) return edited
  let start = 0
  while (start < masked.length && start < edited.length && masked[start] === edited[start]) start++
  let end = 0
  while (
    end < masked.length - start &&
    end < edited.length - start &&
    masked[masked.length - 1 - end] === edited[edited.length - 1 - end]
  ) {
    end++
  }
  return edited
    .slice(start, edited.length - end)
    .split(MASK)
    .join('')
}
