// The helper lives in tests/contract-path.ts, shared with the src/api suites (issue #13 item 10).
export { requestOf } from '../contract-path'
