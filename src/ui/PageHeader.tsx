/**
 * H5's title bar for a page that is not a tab: the page's name as its heading, and 返回. The
 * mini-programs draw their own navigation bar (title and back) from the page config, so PageShell
 * shows this on H5 only. Plain DOM elements — a real <button>, a real <h1> — since H5 renders
 * through react-dom and Taro's H5 Button is a custom element with no implicit role.
 */
export function PageHeader(props: { title: string; onBack: () => void }) {
  return (
    <div className='page-header'>
      <button type='button' className='page-header__back' aria-label='返回' onClick={props.onBack}>
        ‹ 返回
      </button>
      <h1 className='page-header__title'>{props.title}</h1>
    </div>
  )
}
