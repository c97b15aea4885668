// The diagnosis below the verdict and findings (lifetime, signature, claims): one chunk, loaded with the first
// diagnosis, so the paste path carries only what decides and explains the verdict.
import '../claims-table/claims-table.js'
import '../lifetime-timeline/lifetime-timeline.js'
import '../signature-panel/signature-panel.js'
