// Stands in for optional dependencies that the bundled TUI never loads (see bundle-tui.mjs).
export default {};
