// Globals Taro's build defines; the app tests run as the H5 target.
process.env.TARO_ENV = 'h5'
process.env.TARO_APP_API_BASE = ''
