/* The csm-check answers form: builds the page from the JSON data block, keeps the answers in
   this browser's local storage while someone works, and downloads them as an answers file
   (csmYaml.dump). No framework, no network; every text goes in with textContent. */
(function () {
  var data = JSON.parse(document.getElementById("form-data").textContent);
  var codes = data.languages.map(function (pair) { return pair[0]; });
  var known = [];
  data.writer.challenges.forEach(function (c) {
    c.criteria.forEach(function (pair) { known.push(pair[0]); });
  });
  var storageKey = "csm-check-form/" + data.model.id + "/" + data.model.version + "/" + data.formId;
  var FILE_NAME = "csm-answers.yaml";
  var HEADER_FIELDS = ["organisation", "respondent", "role", "assessed_on"];
  var language = data.language;
  var labels = [];  // [node, make(language) -> text], refreshed when the language changes
  var questions = {};  // criterion id -> its inputs and parts
  var progressParts = [];  // [update()] per challenge and overall
  var kindIds = data.kinds.map(function (kind) { return kind.id; });
  var EVIDENCE_FIELDS = ["evidence", "checked_on", "review_by"];
  var EVIDENCE_LEVEL = 3;  // answers.EVIDENCE_LEVEL: from here on the form asks for evidence
  var state;

  /* ---- small helpers ---- */

  function say(key, values, code) {
    var text = data.ui[code || language][key];
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) node.setAttribute(name, "");
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function label(node, make) {
    labels.push([node, make]);
    refresh([node, make]);
    return node;
  }

  function refresh(pair) {
    var text = pair[1](language);
    if (text !== null) pair[0].textContent = text;  // null: the maker filled the node itself
  }

  function ui(tag, key, attributes, values) {
    return label(el(tag, attributes), function (code) { return say(key, values, code); });
  }

  function model(tag, texts, attributes, prefix) {
    return label(el(tag, attributes), function (code) { return (prefix || "") + texts[code]; });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + String(now.getDate()).padStart(2, "0");
  }

  /* sanitize.clean and one_line: no control characters (newline and tab kept or folded). */
  var ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[^\n]/g;
  var INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u;
  function clean(text, keepNewlines) {
    var out = "";
    for (var char of text.replace(ANSI, "")) {
      if (char === "\n" || char === "\t") out += keepNewlines ? char : " ";
      else if (char === "\u200d" || !INVISIBLE.test(char)) out += char;
    }
    return out;
  }
  function oneLine(text) {
    return clean(text || "", false).split(/\s+/).filter(Boolean).join(" ") || null;
  }
  function cleanNote(text) {
    return clean(text || "", true).trim() || null;
  }

  /* ---- state: what is answered, kept in local storage ---- */

  function fresh() {
    var start = JSON.parse(JSON.stringify(data.start));
    if (!start.assessed_on) start.assessed_on = today();
    return start;
  }

  function answerOf(id) {
    return state.answers[id] || { level: null, note: "" };
  }

  function dated(answer) {
    return EVIDENCE_FIELDS.some(function (key) { return Boolean(answer[key]); });
  }

  /* A review date before the check date: refused, as the loader refuses it. */
  function reviewTooEarly(answer) {
    return Boolean(answer.checked_on && answer.review_by && answer.review_by < answer.checked_on);
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ language: language, state: state }));
      return true;
    } catch (error) {
      return false;
    }
  }

  function restore() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      if (kept && kept.state && kept.state.answers) {
        if (codes.indexOf(kept.language) >= 0) language = kept.language;
        if (!Array.isArray(kept.state.ai_use_cases)) kept.state.ai_use_cases = [];
        return kept.state;
      }
    } catch (error) { /* unreadable: start afresh */ }
    return null;
  }

  /* The answers as csmYaml.dump takes them, and the questions that stop a download: n/a
     without a reason (`missing`), a review date before the check date (`early`). */
  function forFile() {
    var answers = {};
    var missing = [];
    var early = [];
    known.forEach(function (id) {
      var raw = answerOf(id);
      var note = cleanNote(raw.note);
      var answer;
      if (raw.level === "n/a") {
        if (!note) missing.push(id);
        answer = { state: "not_applicable", level: null, note: note };
      } else if (raw.level === null || raw.level === undefined) {
        answer = { state: "unanswered", level: null, note: note };
      } else answer = { state: "answered", level: raw.level, note: note };
      answer.evidence = cleanNote(raw.evidence);
      answer.checked_on = raw.checked_on || null;
      answer.review_by = raw.review_by || null;
      if (reviewTooEarly(raw)) early.push(id);
      answers[id] = answer;
    });
    var file = { language: language, answers: answers };
    HEADER_FIELDS.forEach(function (key) { file[key] = oneLine(state[key]); });
    file.ai_use_cases = (state.ai_use_cases || []).map(function (entry) {
      return { kind: entry.kind, name: oneLine(entry.name), status: entry.status,
        since: entry.since || null, vendor: oneLine(entry.vendor),
        built_or_branded: Boolean(entry.built_or_branded) };
    });
    return { file: file, missing: missing, early: early };
  }

  /* ---- the page ---- */

  function status(key, values, kind) {
    var node = document.getElementById("status");
    node.textContent = say(key, values);
    node.className = kind || "";
  }

  function field(key, input, hint) {
    input.id = "f-" + key;
    input.value = "";
    input.addEventListener("input", function () { state[key] = input.value; save(); });
    return el("div", { class: "field" }, [ui("label", "form." + key, { for: input.id }), input, hint]);
  }

  function aboutYou() {
    var roles = el("datalist", { id: "roles" });
    label(roles, function (code) {
      roles.replaceChildren.apply(roles, data.roles[code].map(function (role) {
        return el("option", { value: role });
      }));
      return null;
    });
    var hint = ui("small", "form.role_hint", { id: "role-hint" });
    return el("fieldset", { class: "about" }, [
      ui("legend", "form.about"),
      field("organisation", el("input", { type: "text", maxlength: "200", autocomplete: "organization" })),
      field("respondent", el("input", { type: "text", maxlength: "200", autocomplete: "name" })),
      field("role", el("input", { type: "text", maxlength: "200", list: "roles", "aria-describedby": "role-hint" }), hint),
      field("assessed_on", el("input", { type: "date" })),
      roles,
    ]);
  }

  /* ---- the AI register: the AI systems in service, each of a kind from the catalogue ---- */

  var registerList = null;

  function words(text) {
    return document.createTextNode(text);
  }

  function registerSection() {
    if (!data.kinds.length) return null;
    registerList = el("div", { class: "entries" });
    var add = ui("button", "form.register_add", { type: "button", id: "register-add" });
    add.addEventListener("click", function () {
      state.ai_use_cases.push({ kind: kindIds[0], name: "", status: "live", since: "", vendor: "",
        built_or_branded: false });
      save();
      renderRegister();
      var kinds = registerList.querySelectorAll("select.kind");
      kinds[kinds.length - 1].focus();
    });
    return el("section", { class: "register", id: "register", "aria-labelledby": "register-h" }, [
      ui("h2", "form.register", { id: "register-h" }),
      ui("p", "form.register_intro", { class: "summary" }),
      registerList,
      el("div", { class: "actions" }, [add]),
    ]);
  }

  /* The entries, built afresh in the current language after each change of the list. */
  function renderRegister() {
    if (!registerList) return;
    var entries = state.ai_use_cases;
    if (!entries.length) {
      registerList.replaceChildren(el("p", { class: "empty" }, [words(say("form.register_empty"))]));
      return;
    }
    registerList.replaceChildren.apply(registerList, entries.map(useCaseBox));
  }

  function useCaseBox(entry, index) {
    var prefix = "u" + (index + 1) + "-";
    function labelled(key, node) {
      return el("div", { class: "field" }, [el("label", { for: node.id }, [words(say(key))]), node]);
    }
    function text(key, attributes) {
      var node = el("input", Object.assign({ type: "text", id: prefix + key, maxlength: "200",
        autocomplete: "off" }, attributes));
      node.value = entry[key] || "";
      node.addEventListener("input", function () { entry[key] = node.value; save(); });
      return node;
    }
    var kind = el("select", { id: prefix + "kind", class: "kind", "aria-describedby": prefix + "duties" },
      data.kinds.map(function (item) { return el("option", { value: item.id }, [words(item.title[language])]); }));
    kind.value = entry.kind;
    var duties = el("ul");
    function showDuties() {
      var item = data.kinds[kindIds.indexOf(entry.kind)];
      duties.replaceChildren.apply(duties, (item ? item.duties : []).map(function (duty) {
        return el("li", {}, [words(duty[language])]);
      }));
    }
    showDuties();
    kind.addEventListener("change", function () { entry.kind = kind.value; save(); showDuties(); });
    var status = el("select", { id: prefix + "status" }, data.statuses[language].map(function (pair) {
      return el("option", { value: pair[0] }, [words(pair[1])]);
    }));
    status.value = entry.status;
    status.addEventListener("change", function () { entry.status = status.value; save(); });
    var since = el("input", { type: "date", id: prefix + "since" });
    since.value = entry.since || "";
    since.addEventListener("input", function () { entry.since = since.value; save(); });
    var built = el("input", { type: "checkbox", id: prefix + "built" });
    built.checked = Boolean(entry.built_or_branded);
    built.addEventListener("change", function () { entry.built_or_branded = built.checked; save(); });
    var remove = el("button", { type: "button", class: "clear", id: prefix + "remove" },
      [words(say("form.register_remove", { number: index + 1 }))]);
    remove.addEventListener("click", function () {
      state.ai_use_cases.splice(index, 1);
      save();
      renderRegister();
      document.getElementById("register-add").focus();
    });
    var help = el("details", { class: "help duties", id: prefix + "duties" },
      [el("summary", {}, [words(say("form.kind_duties"))]), duties]);
    return el("fieldset", { class: "entry", id: prefix + "entry" }, [
      el("legend", {}, [words(say("form.register_entry", { number: index + 1 }))]),
      el("div", { class: "grid" }, [
        labelled("form.kind", kind),
        labelled("form.use_case_name", text("name")),
        labelled("form.status", status),
        labelled("form.since", since),
        labelled("form.vendor", text("vendor")),
      ]),
      help,
      el("div", { class: "check" }, [built, el("label", { for: built.id }, [words(say("form.built_or_branded"))])]),
      el("div", { class: "actions" }, [remove]),
    ]);
  }

  function counts(criteria) {
    var answered = criteria.filter(function (c) {
      var level = answerOf(c.id).level;
      return level !== null && level !== undefined;
    }).length;
    return { answered: answered, total: criteria.length };
  }

  function progress(criteria, key, attributes) {
    var bar = el("progress", { max: String(criteria.length), value: "0" });
    var words = el("span");
    progressParts.push(function () {
      var values = counts(criteria);
      bar.value = values.answered;
      words.textContent = say(key, values);
    });
    return el("div", attributes || { class: "progress" }, [bar, words]);
  }

  function level(criterion, value, text, description) {
    var input = el("input", { type: "radio", name: "level-" + criterion.id, value: String(value),
      id: "l-" + criterion.id + "-" + value });
    input.addEventListener("change", function () { setAnswer(criterion.id, { level: value }); });
    return el("label", { class: value === "n/a" ? "level na" : "level", for: input.id }, [
      input,
      el("span", { class: "num" }, [document.createTextNode(value === "n/a" ? "–" : String(value))]),
      el("span", { class: "words" }, [text, description]),
    ]);
  }

  function helpBox(criterion) {
    var parts = [ui("summary", "form.help"), model("p", criterion.help)];
    if (criterion.descriptions) {
      var list = el("dl", { class: "scale" });
      criterion.descriptions.forEach(function (description, index) {
        list.appendChild(model("dt", criterion.levels[index], {}, index + " "));
        list.appendChild(model("dd", description));
      });
      parts.push(list);
    }
    if (criterion.references.length) {
      parts.push(ui("p", "form.references", { class: "sources" }));
      parts.push(el("ul", {}, criterion.references.map(function (ref) { return model("li", ref); })));
    }
    return el("details", { class: "help" }, parts);
  }

  /* Evidence for a level 3 or 4 (shown only then): what shows it, when it was checked and
     when to check it again; `kept` says that evidence stays when the level drops below 3. */
  function evidenceParts(criterion) {
    var id = criterion.id;
    var text = el("textarea", { id: "v-" + id, rows: "2", maxlength: "2000",
      "aria-describedby": criterion.review ? "ri-" + id : null });
    var filled = null;  // the check date the form filled in itself, while it stands
    text.addEventListener("input", function () {
      var change = { evidence: text.value };
      var current = answerOf(id);
      // as the interview: evidence without a check date was checked today; taken back
      // when the evidence is deleted again
      if (text.value.trim() && !current.checked_on) change.checked_on = filled = today();
      else if (!text.value.trim() && filled && current.checked_on === filled) {
        change.checked_on = "";
        filled = null;
      }
      setAnswer(id, change);
    });
    var checked = el("input", { type: "date", id: "ck-" + id });
    checked.addEventListener("input", function () {
      filled = null;
      setAnswer(id, { checked_on: checked.value });
    });
    var review = el("input", { type: "date", id: "rv-" + id, "aria-describedby": "re-" + id });
    review.addEventListener("input", function () { setAnswer(id, { review_by: review.value }); });
    var early = el("p", { class: "error", id: "re-" + id, hidden: true });
    var interval = criterion.review ? ui("small", "form.review_months", { id: "ri-" + id },
      { months: criterion.review }) : null;
    var box = el("div", { class: "evidence", id: "ev-" + id, hidden: true }, [
      el("div", { class: "field" }, [ui("label", "form.evidence", { for: text.id }), text, interval]),
      el("div", { class: "dates" }, [
        el("div", { class: "field" }, [ui("label", "form.checked_on", { for: checked.id }), checked]),
        el("div", { class: "field" }, [ui("label", "form.review_by", { for: review.id }), review]),
      ]),
      early,
    ]);
    var remove = ui("button", "form.evidence_remove", { type: "button", class: "clear" });
    remove.addEventListener("click", function () {
      setAnswer(id, { evidence: "", checked_on: "", review_by: "" });
    });
    var keptText = el("p");
    var kept = el("div", { class: "kept", id: "kp-" + id, hidden: true }, [keptText, remove]);
    return { box: box, kept: kept, keptText: keptText, text: text, checked: checked, review: review,
      early: early };
  }

  function question(criterion) {
    var legend = el("legend", {}, [model("span", criterion.question, { class: "text" })]);
    if (criterion.knockoutTag) legend.appendChild(model("span", criterion.knockoutTag, { class: "ko-tag" }));
    var levels = el("div", { class: "levels" }, criterion.levels.map(function (texts, index) {
      var description = criterion.descriptions ? model("small", criterion.descriptions[index]) : null;
      return level(criterion, index, model("span", texts), description);
    }));
    levels.appendChild(level(criterion, "n/a", ui("span", "form.not_applicable")));
    var noteId = "n-" + criterion.id;
    var note = el("textarea", { id: noteId, rows: "2", maxlength: "2000",
      "aria-describedby": "e-" + criterion.id });
    note.addEventListener("input", function () { setAnswer(criterion.id, { note: note.value }); });
    var noteLabel = el("label", { for: noteId });
    var error = ui("p", "form.reason_missing", { class: "error", id: "e-" + criterion.id, hidden: true });
    var below = criterion.minimum === null ? null :
      ui("p", "form.below_minimum", { class: "error", id: "w-" + criterion.id, hidden: true },
        { minimum: criterion.minimum });
    var clear = ui("button", "form.clear", { type: "button", class: "clear" });
    clear.addEventListener("click", function () {
      setAnswer(criterion.id, { level: null, note: "", evidence: "", checked_on: "", review_by: "" });
    });
    var evidence = evidenceParts(criterion);
    var box = el("fieldset", { class: "question", id: "q-" + criterion.id }, [
      legend,
      criterion.knockout ? model("p", criterion.knockout, { class: "ko" }) : null,
      helpBox(criterion),
      levels,
      below,
      el("div", { class: "note" }, [noteLabel, note, error]),
      evidence.box,
      evidence.kept,
      el("div", { class: "actions" }, [clear]),
    ]);
    questions[criterion.id] = { box: box, note: note, noteLabel: noteLabel, error: error,
      below: below, minimum: criterion.minimum, evidence: evidence };
    label(noteLabel, function (code) {
      return say(answerOf(criterion.id).level === "n/a" ? "form.reason" : "form.note", {}, code);
    });
    return box;
  }

  function challenge(item) {
    var heading = model("h2", item.title, { id: "h-" + item.id }, item.number + ". ");
    return el("section", { class: "challenge", id: "c-" + item.id, "aria-labelledby": heading.id }, [
      heading,
      model("p", item.summary, { class: "summary" }),
      progress(item.criteria, "form.progress"),
    ].concat(item.criteria.map(question)));
  }

  function contents(all) {
    var list = el("ol", {}, data.challenges.map(function (item) {
      var link = model("a", item.title, { href: "#c-" + item.id }, item.number + ". ");
      return el("li", {}, [link, progress(item.criteria, "form.progress", { class: "progress small" })]);
    }));
    return el("nav", { class: "contents", "aria-labelledby": "contents-h" }, [
      ui("h2", "form.contents", { id: "contents-h" }),
      progress(all, "form.progress_all", { class: "progress all" }),
      list,
    ]);
  }

  function toolbar() {
    var download = ui("button", "form.download", { type: "button", id: "download", class: "primary" });
    download.addEventListener("click", downloadAnswers);
    var input = el("input", { type: "file", id: "load", accept: ".yaml,.yml,text/yaml" });
    input.addEventListener("change", function () {
      if (input.files.length) loadAnswers(input.files[0]);
      input.value = "";
    });
    return el("div", { class: "toolbar" }, [
      download,
      ui("label", "form.load", { for: "load", class: "button" }),
      input,
      el("p", { id: "status", role: "status", "aria-live": "polite" }),
    ]);
  }

  function header() {
    var select = el("select", { id: "language" }, data.languages.map(function (pair) {
      return el("option", { value: pair[0] }, [document.createTextNode(pair[1])]);
    }));
    select.value = language;
    select.addEventListener("change", function () { language = select.value; relabel(); save(); });
    var forget = ui("button", "form.forget", { type: "button", id: "forget" });
    forget.addEventListener("click", forgetAnswers);
    return el("header", {}, [
      label(el("h1"), function (code) { return data.model.title[code] + ": " + say("form.title", {}, code); }),
      ui("p", "form.intro", { class: "intro" }),
      el("div", { class: "language" }, [ui("label", "form.language", { for: "language" }), select]),
      el("div", { class: "storage" }, [ui("p", storing ? "form.storage" : "form.storage_off", { id: "storage" }), forget]),
    ]);
  }

  /* ---- what the person does ---- */

  function setAnswer(id, change) {
    var answer = Object.assign({}, answerOf(id), change);
    // as the interview: evidence stays when the level changes, but n/a has none
    if (change.level === "n/a") EVIDENCE_FIELDS.forEach(function (key) { delete answer[key]; });
    if (answer.level === null && !answer.note && !dated(answer)) delete state.answers[id];
    else state.answers[id] = answer;
    show(id);
    progressParts.forEach(function (update) { update(); });
    save();
  }

  function show(id) {
    var parts = questions[id];
    if (!parts) return;  // a question this form does not ask (--only): kept as it is
    var answer = answerOf(id);
    var value = answer.level === null || answer.level === undefined ? null : String(answer.level);
    parts.box.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.checked = radio.value === value;
    });
    if (parts.note.value !== (answer.note || "")) parts.note.value = answer.note || "";
    var na = answer.level === "n/a";
    parts.note.required = na;
    parts.box.classList.toggle("answered", value !== null);
    var missing = na && !cleanNote(answer.note);
    parts.error.hidden = !missing;
    if (parts.below) parts.below.hidden = !(typeof answer.level === "number" && answer.level < parts.minimum);
    parts.note.setAttribute("aria-invalid", missing ? "true" : "false");
    parts.noteLabel.textContent = say(na ? "form.reason" : "form.note");
    showEvidence(parts.evidence, answer);
  }

  function showEvidence(parts, answer) {
    var high = typeof answer.level === "number" && answer.level >= EVIDENCE_LEVEL;
    parts.box.hidden = !high;
    parts.kept.hidden = high || !dated(answer);
    var what = EVIDENCE_FIELDS.map(function (key) {
      var value = Array.from(oneLine(answer[key]) || "");
      return value.length > 80 ? value.slice(0, 79).join("") + "…" : value.join("");
    }).filter(Boolean);
    parts.keptText.textContent = parts.kept.hidden ? "" : say("form.evidence_kept", { what: what.join(", ") });
    [[parts.text, "evidence"], [parts.checked, "checked_on"], [parts.review, "review_by"]].forEach(function (pair) {
      if (pair[0].value !== (answer[pair[1]] || "")) pair[0].value = answer[pair[1]] || "";
    });
    var early = reviewTooEarly(answer);
    parts.early.hidden = !early;
    parts.early.textContent = early ? say("form.review_before_check", { checked: answer.checked_on }) : "";
    parts.review.setAttribute("aria-invalid", early ? "true" : "false");
  }

  function showAll() {
    HEADER_FIELDS.forEach(function (key) { document.getElementById("f-" + key).value = state[key] || ""; });
    Object.keys(questions).forEach(show);
    progressParts.forEach(function (update) { update(); });
    renderRegister();
  }

  function relabel() {
    document.documentElement.lang = language;
    document.getElementById("language").value = language;
    labels.forEach(refresh);
    document.title = data.model.title[language] + ": " + say("form.title");
    showAll();
  }

  function downloadAnswers() {
    var built = forFile();
    Object.keys(questions).forEach(show);
    if (built.missing.length) {
      status("form.download_blocked", { count: built.missing.length }, "bad");
      var first = questions[built.missing[0]];
      if (first) first.note.focus();
      return;
    }
    if (built.early.length) {
      status("form.download_blocked_dates", { count: built.early.length }, "bad");
      var tooEarly = questions[built.early[0]];
      if (tooEarly) tooEarly.evidence.review.focus();
      return;
    }
    var text = csmYaml.dump(built.file, data.writer);
    var url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    var link = el("a", { href: url, download: FILE_NAME });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status("form.downloaded", { file: FILE_NAME }, "good");
  }

  function loadAnswers(file) {
    file.text().then(function (text) {
      var read;
      try {
        read = csmYaml.read(text, data.model.id, known, codes, kindIds);
      } catch (error) {
        if (!(error instanceof csmYaml.ReadError)) throw error;
        var reason = say("form.parse." + error.key, error.values);
        status("form.load_failed", { file: file.name, reason: reason }, "bad");
        return;
      }
      state = { answers: read.answers, ai_use_cases: read.ai_use_cases };
      HEADER_FIELDS.forEach(function (key) { state[key] = read[key] || ""; });
      if (codes.indexOf(read.language) >= 0) language = read.language;  // as it was written
      relabel();
      save();
      var values = counts(known.map(function (id) { return { id: id }; }));
      status("form.loaded", { file: file.name, answered: values.answered, total: values.total }, "good");
    });
  }

  function forgetAnswers() {
    if (!window.confirm(say("form.forget_confirm"))) return;
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
    state = fresh();
    showAll();
    status("form.forgotten", {}, "good");
  }

  /* ---- start ---- */

  state = restore() || fresh();
  if (!Array.isArray(state.ai_use_cases)) state.ai_use_cases = [];
  var storing = save();
  var all = [];
  data.challenges.forEach(function (item) { all = all.concat(item.criteria); });
  var app = document.getElementById("app");
  app.appendChild(header());
  var main = el("main", {}, [aboutYou(), registerSection(), contents(all)].concat(data.challenges.map(challenge)));
  app.appendChild(main);
  app.appendChild(toolbar());
  relabel();
  window.csmForm = { dump: csmYaml.dump, read: csmYaml.read, writer: data.writer, state: function () { return state; } };
})();
