/** A complaint every check accepts; shared by the complaint suites, the fuzz and bench/complaints.ts (no jest here). */
export const VALID_COMPLAINT = {
  category: 'complaint',
  title: '小区门口道路积水',
  description: '连续三天下雨后小区门口道路积水严重，行人无法通行，请尽快处理。',
  anonymous: false,
  contactPhone: '138 0013 8000',
  location: { latitude: 34.03, longitude: 113.85, address: '河南省许昌市魏都区建设路 1 号' },
} as const
