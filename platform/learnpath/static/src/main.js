// learnpath's scripts, bundled by esbuild: every page loads this one file; each part finds its own elements.
import { initSubmissionPage } from "./live.js";
import { initWorkspace } from "./workspace.js";

document.documentElement.classList.add("js");
initWorkspace();
initSubmissionPage();
