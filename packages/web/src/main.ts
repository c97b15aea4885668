import './app-root.js'
