// The room view: the meeting's state, as the server sends it, put on the page as text.
// Every value is data: it goes in with textContent, never as markup.
"use strict";

(function () {
  const body = document.body;
  const token = new URLSearchParams(window.location.search).get("t") || "";
  const word = (name) => body.dataset["word" + name.split("_").map((p) => p[0].toUpperCase() + p.slice(1)).join("")] || name;
  const $ = (id) => document.getElementById(id);
  let state = null;
  let receivedAt = 0;

  function clock(seconds) {
    const sign = seconds < 0 ? "-" : "";
    const whole = Math.floor(Math.abs(seconds));
    const minutes = Math.floor(whole / 60);
    const rest = String(whole % 60).padStart(2, "0");
    return sign + minutes + ":" + rest;
  }

  function fill(list, entries, make) {
    list.replaceChildren(...entries.map((entry) => {
      const li = document.createElement("li");
      make(li, entry);
      return li;
    }));
    return entries.length > 0;
  }

  function show(id, shown) {
    $(id).hidden = !shown;
  }

  function elapsed() {
    return state && state.status === "running" ? (performance.now() - receivedAt) / 1000 : 0;
  }

  function tick() {
    const item = state && state.item;
    const timer = $("timer");
    if (!item || item.closed || !item.timer) {
      timer.textContent = "";
      timer.className = "timer";
    } else {
      const used = item.timer.used + (item.timer.running ? elapsed() : 0);
      const planned = item.timer.planned;
      timer.className = "timer" + (item.timer.running ? " running" : " paused");
      if (planned === null) {
        timer.textContent = clock(used);
      } else {
        const left = planned - used;
        timer.textContent = clock(left) + " / " + clock(planned) + " " + word("planned");
        if (left < 0) timer.classList.add("over");
        else if (left <= 60) timer.classList.add("warning");
      }
    }
    const speaker = state && state.speaker;
    const seconds = $("speaker-seconds");
    if (speaker && seconds) seconds.textContent = clock(speaker.seconds + elapsed());
  }

  function render() {
    body.dataset.status = state.status;
    const banner = $("banner");
    const waiting = { none: "none", gone: "gone", ended: "ended", waiting: "waiting" }[state.status];
    banner.textContent = waiting ? word(waiting) : "";
    banner.hidden = !waiting;
    const meeting = state.meeting;
    if (!meeting) {
      show("main", false);
      return;
    }
    $("meeting").textContent = meeting.title + (meeting.group ? " · " + meeting.group : "");
    const progress = state.progress;
    $("progress").textContent = progress.position ? word("item") + " " + progress.position + " / " + progress.count : "";
    show("main", state.status === "running" || state.status === "ended");
    fill($("agenda"), state.agenda, (li, line) => {
      li.textContent = line.number + ". " + (line.closed ? word("closed") : line.title);
      li.className = line.state;
      if (line.state === "current") li.setAttribute("aria-current", "step");
    });
    const item = state.item;
    body.classList.toggle("closed", Boolean(item && item.closed));
    if (!item) {
      $("item-title").textContent = "";
    } else if (item.closed) {
      $("item-title").textContent = item.number + ". " + word("closed");
    } else {
      $("item-title").textContent = item.number + ". " + item.title;
    }
    const open = item && !item.closed ? item : null;
    show("question-box", Boolean(open && open.question));
    if (open && open.question) {
      $("question-label").textContent = word("question") + " " + open.question.number + " / " + open.question.count;
      $("question").textContent = open.question.text;
    }
    show("solutions-box", fill($("solutions"), open ? open.solutions : [], (li, text) => { li.textContent = text; }));
    show("decisions-box", fill($("decisions"), open ? open.decisions : [], (li, text) => { li.textContent = text; }));
    show("votes-box", fill($("votes"), open ? open.votes : [], (li, vote) => {
      li.textContent = vote.subject + ": " + vote.for + " " + word("for") + ", " + vote.against + " " + word("against") + ", "
        + vote.abstain + " " + word("abstain") + " — " + word(vote.carried ? "carried" : "rejected");
      li.className = vote.carried ? "carried" : "rejected";
    }));
    show("actions-box", fill($("actions"), open ? open.actions : [], (li, action) => {
      li.textContent = action.what + " — " + action.who + (action.deadline ? " (" + word("deadline") + " " + action.deadline + ")" : "");
    }));
    show("notes-box", Boolean(open && open.notes));
    $("notes").textContent = open && open.notes ? open.notes : "";
    const speaker = $("speaker");
    if (state.speaker) {
      const name = document.createElement("strong");
      name.textContent = state.speaker.name;
      const seconds = document.createElement("span");
      seconds.id = "speaker-seconds";
      const parts = [name, " ", seconds];
      if (state.speaker.point_of_order) parts.push(" — " + word("point_of_order"));
      speaker.replaceChildren(...parts);
    } else {
      speaker.replaceChildren();
    }
    show("floor-box", Boolean(state.speaker || state.queue.length));
    fill($("queue"), state.queue, (li, request) => {
      li.textContent = request.name + (request.point_of_order ? " — " + word("point_of_order") : "");
      if (request.point_of_order) li.className = "point-of-order";
    });
    tick();
  }

  function offline() {
    body.dataset.status = "offline";
    const banner = $("banner");
    banner.textContent = word("offline");
    banner.hidden = false;
  }

  const events = new EventSource("events?t=" + encodeURIComponent(token));
  events.onmessage = (message) => {
    state = JSON.parse(message.data);
    receivedAt = performance.now();
    render();
  };
  events.onerror = offline;  // the browser tries again by itself; the next state clears it
  window.setInterval(tick, 250);
})();
