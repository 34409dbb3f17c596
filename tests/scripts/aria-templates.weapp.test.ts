import { describeAriaTemplates } from './aria-templates.shared'

// One platform per file: the platform plugins share one component table per module registry.
describeAriaTemplates('weapp', {
  role: 'aria-role',
  viewAttributes: ['aria-role', 'aria-label', 'aria-checked', 'aria-modal', 'aria-describedby', 'aria-selected'],
  otherAttributes: ['aria-role', 'aria-label'],
})
