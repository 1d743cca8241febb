// Live status of a run: polls the submission's JSON until it is graded, then shows the feedback panel.
const POLL_MS = 700;
const MAX_BACKOFF_MS = 15000;

function pendingText(state, seconds) {
  const what = state === "queued" ? "Waiting for a grader" : "Running the tests";
  return `${what}… ${seconds} s`;
}

// Follows one submission in `panel` (a .feedback element); resolves when its feedback is shown.
export function followSubmission(panel, { poll, feedback }) {
  const started = Date.now();
  let delay = POLL_MS;
  return new Promise((resolve) => {
    const tick = async () => {
      try {
        const response = await fetch(poll, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = await response.json();
        if (data.state === "done") {
          await showFeedback(panel, feedback);
          resolve(data);
          return;
        }
        const label = panel.querySelector(".pending-state");
        if (label) label.textContent = pendingText(data.state, Math.round((Date.now() - started) / 1000));
        panel.dataset.state = data.state;
        delay = POLL_MS;
      } catch (error) {
        const label = panel.querySelector(".pending-state");
        if (label) label.textContent = "Connection lost; still trying…";
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      window.setTimeout(tick, delay);
    };
    window.setTimeout(tick, POLL_MS);
  });
}

// The panel's HTML comes from the server's template, which escapes every report field.
export async function showFeedback(panel, url) {
  const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  panel.innerHTML = await response.text();
  panel.dataset.state = "done";
  panel.hidden = false;
}

// A placeholder panel for a run that was just accepted.
export function showPending(panel, submission) {
  panel.hidden = false;
  panel.dataset.state = "queued";
  panel.replaceChildren();
  const title = document.createElement("h3");
  title.className = "feedback-title";
  title.textContent = `${submission.mode === "examples" ? "Example run" : "Submission"} #${submission.id}`;
  const status = document.createElement("p");
  status.className = "pending";
  const spinner = document.createElement("span");
  spinner.className = "spinner";
  spinner.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.className = "pending-state";
  label.textContent = pendingText("queued", 0);
  status.append(spinner, label);
  panel.append(title, status);
}

export function showMessage(panel, text, kind) {
  panel.hidden = false;
  panel.dataset.state = kind;
  const message = document.createElement("p");
  message.className = `verdict verdict-${kind === "error" ? "error" : "info"}`;
  message.setAttribute("role", "alert");
  message.textContent = text;
  panel.replaceChildren(message);
}

// The submission page: follow a pending submission in place.
export function initSubmissionPage() {
  const panel = document.querySelector("#feedback[data-poll-url]");
  if (!panel || panel.closest("#workspace")) return;
  followSubmission(panel, { poll: panel.dataset.pollUrl, feedback: panel.dataset.feedbackUrl });
}
