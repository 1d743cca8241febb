// Autosaved drafts: every edit goes to this browser's storage at once and to the server shortly after.
// The server's draft revision decides which copy wins after a reload (no clocks are compared):
// a browser copy that was never saved and was based on the server's current revision is newer.
const SAVE_DELAY_MS = 800;
const RETRY_MS = 5000;

export class DraftStore {
  constructor({ url, key, revision, csrfToken, onStatus }) {
    this.url = url;
    this.key = key;
    this.revision = revision;
    this.csrfToken = csrfToken;
    this.onStatus = onStatus;
    this.files = null;
    this.timer = null;
    this.saving = false;
    window.addEventListener("online", () => this.flush());
    window.addEventListener("pagehide", () => this.flush({ keepalive: true }));
  }

  // The files this browser holds that the server has not seen, or null.
  unsaved() {
    try {
      const entry = JSON.parse(window.localStorage.getItem(this.key) || "null");
      if (entry && !entry.synced && entry.base === this.revision && entry.files) return entry.files;
    } catch (error) {
      // Storage may be disabled or hold something else; the server's copy is used then.
    }
    return null;
  }

  remember(files, synced) {
    try {
      window.localStorage.setItem(this.key, JSON.stringify({ files, base: this.revision, synced }));
    } catch (error) {
      // A full or disabled storage leaves the server as the only copy.
    }
  }

  change(files) {
    this.files = files;
    this.remember(files, false);
    this.onStatus("Saving…");
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  async flush({ keepalive = false } = {}) {
    window.clearTimeout(this.timer);
    if (!this.files || (this.saving && !keepalive)) return;
    const files = this.files;
    this.saving = true;
    try {
      const response = await fetch(this.url, {
        method: "PUT",
        credentials: "same-origin",
        keepalive,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": this.csrfToken },
        body: JSON.stringify({ files }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const saved = await response.json();
      this.revision = saved.revision;
      if (this.files === files) {
        this.files = null;
        this.remember(files, true);
        this.onStatus("All changes saved");
      } else {
        this.remember(this.files, false);
      }
    } catch (error) {
      this.onStatus("Offline: changes are kept in this browser and saved when the connection is back");
      this.timer = window.setTimeout(() => this.flush(), RETRY_MS);
    } finally {
      this.saving = false;
    }
    if (this.files && this.files !== files) this.flush();
  }
}
