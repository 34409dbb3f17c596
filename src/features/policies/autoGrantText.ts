/**
 * What 免申即享 means to the enterprise, said the same way everywhere. Its own module so the
 * 工作台 card (main package) does not pull policyTexts and the policy domain in with it.
 */
export const AUTO_GRANT_TEXT = '无需申请，符合条件自动兑现'
