import { describeAriaTemplates } from './aria-templates.shared'

// One platform per file: the platform plugins share one component table per module registry.
describeAriaTemplates('alipay', {
  role: 'role',
  viewAttributes: ['role', 'aria-label', 'aria-checked'],
  otherAttributes: ['role', 'aria-label'],
})
