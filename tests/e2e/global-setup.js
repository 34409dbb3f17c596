// The flows drive the H5 build: build it once if this checkout has none yet.
const { existsSync } = require('node:fs')
const { execSync } = require('node:child_process')
const path = require('node:path')

module.exports = async () => {
  const index = path.join(__dirname, '../../dist/h5/index.html')
  if (!existsSync(index)) {
    process.stdout.write('\n[e2e] dist/h5 is missing: building the H5 app first…\n')
    // jest sets NODE_ENV=test, under which Taro builds a dev bundle with React Refresh hooks
    // ($RefreshReg$ is not defined) that never renders: build as `npm run build:h5` would.
    execSync('npm run build:h5', {
      stdio: 'inherit',
      cwd: path.join(__dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
}
