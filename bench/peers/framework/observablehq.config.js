// Observable Framework 1.13.4 config for the live-lesson benchmark peer.
// globalStylesheets: [] drops Framework's default Google Fonts stylesheet (Source Serif 4 from
// fonts.googleapis.com), the one request that would otherwise leave the machine; everything else
// is Framework's default (theme, layout, client runtime).
export default {
  root: "src",
  title: "Derivatives and Gradients — worked example",
  sidebar: false,
  pager: false,
  search: false,
  footer: "",
  globalStylesheets: []
};
