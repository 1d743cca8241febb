// The rate-limit notice: counts down and keeps the send buttons disabled until the graders take more runs.
export function startCountdown(notice, buttons) {
  let left = Number(notice.dataset.retryAfter) || 0;
  const counter = notice.querySelector(".countdown");
  buttons.forEach((button) => { button.disabled = true; });
  const tick = () => {
    if (counter) counter.textContent = String(left);
    if (left <= 0) {
      notice.remove();
      buttons.forEach((button) => { button.disabled = false; });
      return;
    }
    left -= 1;
    window.setTimeout(tick, 1000);
  };
  tick();
}

export function rateLimitNotice(seconds, message) {
  const notice = document.createElement("p");
  notice.className = "notice rate-limit";
  notice.id = "rate-limit";
  notice.setAttribute("role", "alert");
  notice.dataset.retryAfter = String(seconds);
  const text = message.replace(/Try again in \d+ s\.?$/, "");
  notice.append(document.createTextNode(`${text} You can send again in `));
  const counter = document.createElement("span");
  counter.className = "countdown";
  counter.textContent = String(seconds);
  notice.append(counter, document.createTextNode(" s."));
  return notice;
}
