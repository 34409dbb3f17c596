import type { Queryable } from '../db/db'

/**
 * What a capability keeps about a user that must go when the user withdraws consent to the
 * privacy policy (PIPL art. 15: without consent we may not process the user's data). Each
 * capability's plugin adds its eraser (compliance: calendar feeds; esign: the verified identity);
 * account's consent route runs them all inside the withdrawal's transaction, so the account
 * capability needs to know none of them.
 */
export type UserDataEraser = (tx: Queryable, userId: string) => Promise<void>

export class ConsentWithdrawal {
  private readonly erasers: UserDataEraser[] = []

  add(eraser: UserDataEraser): void {
    this.erasers.push(eraser)
  }

  async eraseAll(tx: Queryable, userId: string): Promise<void> {
    for (const erase of this.erasers) await erase(tx, userId)
  }
}
