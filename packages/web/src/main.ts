import { pageStyles } from './styles/theme.js'
import './app-root.js'

// The document's own styles are adopted from script: the CSP then needs no 'unsafe-inline' for styles.
if (pageStyles.styleSheet !== undefined)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageStyles.styleSheet]
