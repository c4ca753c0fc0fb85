"use strict";
/* csm-check answers files in the browser: the writer is a port of answers_writer.dump_answers
   and yamlio/write.py (quote, folded, WRAP), so a file downloaded from the form has the bytes
   csm-check writes for the same answers. The reader understands the layout the writer
   produces (and small hand edits); anything else is refused with the line it stopped at.
   Comments and quoted keys come laid out by Python (form_data.py): no text wrapping here.
   Lengths count code points, as Python's len() does. */

var csmYaml = (function () {
  var ESCAPES = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

  function length(text) {
    return Array.from(text).length;
  }

  function printable(char) {
    var code = char.codePointAt(0);
    if (code === 0x85 || code === 0x2028 || code === 0x2029) return false;
    return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  }

  function hex(code, digits) {
    var text = code.toString(16);
    while (text.length < digits) text = "0" + text;
    return text;
  }

  /* yamlio.write.quote: a double-quoted scalar that reads back as exactly `text`. */
  function quote(text) {
    var parts = ['"'];
    for (var char of text) {
      if (Object.prototype.hasOwnProperty.call(ESCAPES, char)) parts.push(ESCAPES[char]);
      else if (printable(char)) parts.push(char);
      else {
        var code = char.codePointAt(0);
        parts.push(code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8));
      }
    }
    parts.push('"');
    return parts.join("");
  }

  /* yamlio.write.folded: broken only at a single space between two other characters. */
  function folded(prefix, quoted, indent, width) {
    var chars = Array.from(quoted);
    var words = [];
    var start = 0;
    for (var i = 1; i < chars.length - 1; i++) {
      if (chars[i] === " " && chars[i - 1] !== " " && chars[i - 1] !== "\\" && chars[i + 1] !== " ") {
        words.push(chars.slice(start, i).join(""));
        start = i + 1;
      }
    }
    words.push(chars.slice(start).join(""));
    var lines = [];
    var current = prefix + words[0];
    for (var word of words.slice(1)) {
      if (length(current) + 1 + length(word) <= width) current += " " + word;
      else {
        lines.push(current);
        current = indent + word;
      }
    }
    lines.push(current);
    return lines;
  }

  function optional(text) {
    return text ? quote(text) : "";
  }

  /* The header keys in writer order: [key, value(answers, writer)] ("" leaves it empty).
     A new key is one more row here (and in answers_writer.dump_answers). */
  var HEADER = [
    ["schema_version", function (a, w) { return String(w.schemaVersion); }],
    ["model", function (a, w) { return w.model; }],
    ["organisation", function (a) { return optional(a.organisation); }],
    ["respondent", function (a) { return optional(a.respondent); }],
    ["role", function (a) { return optional(a.role); }],
    ["assessed_on", function (a) { return a.assessed_on || ""; }],
    ["language", function (a) { return a.language || ""; }],
  ];

  /* answers_writer.use_case_lines: the register, or nothing when it is empty. */
  function useCaseLines(answers, writer) {
    var useCases = answers.ai_use_cases || [];
    if (!useCases.length) return [];
    var lines = ["ai_use_cases:"];
    for (var useCase of useCases) {
      lines.push("  - kind: " + writer.kinds[useCase.kind]);
      if (useCase.name !== null) lines.push("    name: " + quote(useCase.name));
      lines.push("    status: " + useCase.status);
      if (useCase.since !== null) lines.push("    since: " + useCase.since);
      if (useCase.vendor !== null) lines.push("    vendor: " + quote(useCase.vendor));
      lines.push("    built_or_branded: " + (useCase.built_or_branded ? "true" : "false"));
    }
    return lines;
  }

  /* Top-level sections written between the header and `answers:`, each a function
     (answers, writer) -> lines. */
  var SECTIONS = [useCaseLines];

  function given(value) {
    return value === null || value === undefined ? null : value;
  }

  /* The keys of one answer in writer order: value(answer) is the YAML text or null (key
     left out); `text` keys are quoted free text, folded over lines in the block form. */
  var ENTRY = [
    { key: "level", value: function (answer) {
      if (answer.state === "answered") return String(answer.level);
      if (answer.state === "not_applicable") return "n/a";
      return given(answer.note) === null ? "" : "null";  // as answer_value: dated, no note
    } },
    { key: "note", text: true, value: function (answer) {
      return given(answer.note) === null ? null : quote(answer.note);
    } },
    { key: "evidence", text: true, value: function (answer) {
      return given(answer.evidence) === null ? null : quote(answer.evidence);
    } },
    { key: "checked_on", value: function (answer) { return given(answer.checked_on); } },
    { key: "review_by", value: function (answer) { return given(answer.review_by); } },
  ];

  function extras(answer) {
    return ENTRY.slice(1).filter(function (entry) { return entry.value(answer) !== null; });
  }

  /* answers_writer.answer_value: a bare level, nothing, or a flow mapping. */
  function answerValue(answer) {
    if (extras(answer).length === 0) return ENTRY[0].value(answer);
    var parts = [];
    for (var entry of ENTRY) {
      var value = entry.value(answer);
      if (value !== null) parts.push(entry.key + ": " + value);
    }
    return "{" + parts.join(", ") + "}";
  }

  /* answers_writer.answer_lines: one line, or a block mapping when it is too long. */
  function answerLines(key, answer, wrap) {
    var value = answerValue(answer);
    var line = value ? "  " + key + ": " + value : "  " + key + ":";
    if (length(line) <= wrap || extras(answer).length === 0) return [line];
    var lines = ["  " + key + ":"];
    for (var entry of ENTRY) {
      var text = entry.value(answer);
      if (text === null) continue;
      if (entry.text) lines.push.apply(lines, folded("    " + entry.key + ": ", text, "      ", wrap));
      else lines.push("    " + entry.key + ": " + text);
    }
    return lines;
  }

  /* answers: {organisation, respondent, role, assessed_on, language, ai_use_cases: [{kind,
     name, status, since, vendor, built_or_branded}], answers: {id: answer}} with answer =
     {state, level, note, evidence, checked_on, review_by} (null or absent: not written);
     every criterion of the model is written. */
  function dump(answers, writer) {
    var language = answers.language;
    var lines = writer.header[language].slice();
    lines.push("---");
    for (var row of HEADER) {
      var value = row[1](answers, writer);
      lines.push(value ? row[0] + ": " + value : row[0] + ":");
    }
    for (var section of SECTIONS) lines.push.apply(lines, section(answers, writer));
    lines.push("answers:");
    for (var challenge of writer.challenges) {
      lines.push("");
      lines.push.apply(lines, challenge.comment[language]);
      for (var pair of challenge.criteria) {
        var answer = answers.answers[pair[0]] || { state: "unanswered", level: null, note: null };
        lines.push.apply(lines, answerLines(pair[1], answer, writer.wrap));
      }
    }
    return lines.join("\n") + "\n";
  }

  /* ---- reading ---- */

  function ReadError(key, values) {
    this.key = key;
    this.values = values;
  }

  var SIMPLE = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f",
    r: "\r", e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0",
    L: "\u2028", P: "\u2029" };
  var HEX = { x: 2, u: 4, U: 8 };

  /* The text of a double-quoted scalar `raw` (without its quotes), escapes resolved. */
  function unescape(raw, line) {
    var out = "";
    for (var i = 0; i < raw.length; i++) {
      var char = raw[i];
      if (char !== "\\") { out += char; continue; }
      var next = raw[++i];
      if (Object.prototype.hasOwnProperty.call(SIMPLE, next)) out += SIMPLE[next];
      else if (Object.prototype.hasOwnProperty.call(HEX, next)) {
        var digits = raw.substr(i + 1, HEX[next]);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX[next]) {
          throw new ReadError("line", { line: line, text: "\\" + next + digits });
        }
        out += String.fromCodePoint(parseInt(digits, 16));
        i += HEX[next];
      } else throw new ReadError("line", { line: line, text: "\\" + (next || "") });
    }
    return out;
  }

  /* Where the double-quoted scalar starting at text[0] ends (index of the closing quote). */
  function closing(text) {
    for (var i = 1; i < text.length; i++) {
      if (text[i] === "\\") i++;
      else if (text[i] === '"') return i;
    }
    return -1;
  }

  /* A scalar value: [value, rest of the text]; a string, a number or null. */
  function scalar(text, line, stop) {
    text = text.replace(/^[ \t]+/, "");
    if (text[0] === '"') {
      var end = closing(text);
      if (end < 0) throw new ReadError("line", { line: line, text: text });
      return [unescape(text.slice(1, end), line), text.slice(end + 1)];
    }
    if (text[0] === "'") {
      var match = /^'((?:[^']|'')*)'/.exec(text);
      if (!match) throw new ReadError("line", { line: line, text: text });
      return [match[1].replace(/''/g, "'"), text.slice(match[0].length)];
    }
    var plain = stop.exec(text);
    var raw = plain ? text.slice(0, plain.index) : text;
    var rest = plain ? text.slice(plain.index) : "";
    raw = raw.replace(/[ \t]+#.*$/, "").replace(/^[ \t]+|[ \t]+$/g, "");
    if (raw === "" || raw === "~" || raw === "null") return [null, rest];
    return [/^-?\d+$/.test(raw) ? Number(raw) : raw, rest];
  }

  /* Without the blanks YAML strips around a line (spaces and tabs, nothing else). */
  function blanks(text) {
    return text.replace(/^[ \t]+|[ \t]+$/g, "");
  }

  function onlyComment(rest, line) {
    if (!/^\s*(#.*)?$/.test(rest)) throw new ReadError("line", { line: line, text: rest.trim() });
  }

  /* `{level: 2, note: "..."}` -> {level, note}. */
  function flow(text, line) {
    var result = {};
    var rest = text.slice(1);
    for (;;) {
      var match = /^\s*([A-Za-z_]+)\s*:\s*/.exec(rest);
      if (!match) throw new ReadError("line", { line: line, text: text });
      var pair = scalar(rest.slice(match[0].length), line, /\s*[,}]/);
      result[match[1]] = pair[0];
      rest = pair[1].replace(/^[ \t]+/, "");
      if (rest[0] === ",") { rest = rest.slice(1); continue; }
      if (rest[0] === "}") { onlyComment(rest.slice(1), line); return result; }
      throw new ReadError("line", { line: line, text: text });
    }
  }

  function level(value, line) {
    if (value === null || value === "n/a") return value;
    if (typeof value === "number" && value >= 0 && value <= 4) return value;
    throw new ReadError("level", { line: line, value: String(value) });
  }

  var ANSWER_KEYS = ["level", "note", "evidence", "checked_on", "review_by"];
  var MAX_EVIDENCE = 2000;  // answers_evidence.MAX_EVIDENCE

  /* An ISO date (a real day) or "" for none; anything else is refused. */
  function day(value, line) {
    if (value === null || value === undefined) return "";
    var text = String(value);
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    var date = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    if (!date || date.toISOString().slice(0, 10) !== text) {
      throw new ReadError("date", { line: line, value: text });
    }
    return text;
  }

  function toAnswer(entry, line) {
    for (var key of Object.keys(entry)) {
      if (ANSWER_KEYS.indexOf(key) < 0) throw new ReadError("key", { line: line, key: key });
    }
    var value = level(entry.level === undefined ? null : entry.level, line);
    var note = entry.note === undefined || entry.note === null ? "" : String(entry.note);
    if (value === "n/a" && !note.trim()) throw new ReadError("na_reason", { line: line });
    var answer = { level: value, note: note };
    if (entry.evidence !== undefined || entry.checked_on !== undefined || entry.review_by !== undefined) {
      var evidence = entry.evidence === undefined || entry.evidence === null ? "" : String(entry.evidence);
      if (length(evidence) > MAX_EVIDENCE) throw new ReadError("too_long", { line: line, maximum: MAX_EVIDENCE });
      answer.evidence = evidence;
      answer.checked_on = day(entry.checked_on, line);
      answer.review_by = day(entry.review_by, line);
      if (answer.checked_on && answer.review_by && answer.review_by < answer.checked_on) {
        throw new ReadError("review_before", { line: line, review: answer.review_by, checked: answer.checked_on });
      }
    }
    return answer;
  }

  var USE_CASE_KEYS = ["kind", "name", "status", "since", "vendor", "built_or_branded"];
  var STATUSES = ["planned", "pilot", "live"];
  var BOOLEANS = { true: true, True: true, TRUE: true, yes: true, Yes: true, YES: true, on: true,
    On: true, ON: true, false: false, False: false, FALSE: false, no: false, No: false, NO: false,
    off: false, Off: false, OFF: false };

  function toUseCase(entry, line, kinds) {
    for (var key of Object.keys(entry)) {
      if (USE_CASE_KEYS.indexOf(key) < 0) throw new ReadError("key", { line: line, key: key });
    }
    var kind = entry.kind === undefined || entry.kind === null ? "" : String(entry.kind);
    if (kinds.indexOf(kind) < 0) throw new ReadError("kind", { line: line, kind: kind });
    if (STATUSES.indexOf(entry.status) < 0) {
      throw new ReadError("status", { line: line, value: String(given(entry.status) === null ? "" : entry.status) });
    }
    var built = given(entry.built_or_branded);
    if (built !== null && !Object.prototype.hasOwnProperty.call(BOOLEANS, String(built))) {
      throw new ReadError("bool", { line: line, value: String(built) });
    }
    var text = function (value) { return value === undefined || value === null ? "" : String(value); };
    return { kind: kind, name: text(entry.name), status: entry.status, since: day(entry.since, line),
      vendor: text(entry.vendor), built_or_branded: built === null ? false : BOOLEANS[String(built)] };
  }

  /* The block mapping under line i (deeper than `indent`), {key: value}, and the index of
     its last line; quoted texts may be folded over the following lines. */
  function block(lines, i, indent, first) {
    var mapping = {};
    var add = function (text, number) {
      var child = /^\s*([A-Za-z_]+):(.*)$/.exec(text);
      if (!child) throw new ReadError("line", { line: number, text: text.trim() });
      var body = blanks(child[2]);
      if (body[0] === '"') {  // a quoted text, maybe folded over the following lines
        while (closing(body) < 0 && i + 1 < lines.length) body += " " + blanks(lines[++i]);
      }
      mapping[child[1]] = scalar(body, i + 1, /$^/)[0];
    };
    if (first !== undefined) add(first, i + 1);
    while (i + 1 < lines.length && /^ */.exec(lines[i + 1])[0].length > indent && lines[i + 1].trim()) {
      if (/^\s*#/.test(lines[i + 1])) { i++; continue; }
      if (first !== undefined && /^\s*- /.test(lines[i + 1])) break;  // the next list entry
      add(lines[++i], i + 1);
    }
    return [mapping, i];
  }

  var HEADER_KEYS = ["schema_version", "model", "organisation", "respondent", "role",
    "assessed_on", "language"];

  /* The answers of `text` as the form keeps them: {organisation, ..., ai_use_cases: [...],
     answers: {id: {level, note, evidence?, checked_on?, review_by?}}}; throws
     ReadError(key, values) with the line it could not read. */
  function read(text, modelId, known, languages, kinds) {
    var lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
    var result = { answers: {}, ai_use_cases: [] };
    var inAnswers = false;
    var seen = false;
    for (var i = 0; i < lines.length; i++) {
      var number = i + 1;
      var line = lines[i];
      if (/^\s*(#.*)?$/.test(line) || line === "---" || line === "...") continue;
      if (!inAnswers || /^\S/.test(line)) {
        var top = /^([A-Za-z_]+):(.*)$/.exec(line);
        if (!top) throw new ReadError("line", { line: number, text: line });
        var key = top[1];
        var value = scalar(top[2], number, /$^/)[0];
        if (key === "answers") { inAnswers = true; seen = true; continue; }
        if (key === "ai_use_cases" && !inAnswers) {
          if (blanks(top[2]).replace(/\s+#.*$/, "") === "[]") continue;
          if (value !== null) throw new ReadError("line", { line: number, text: line });
          while (i + 1 < lines.length && (/^\s+/.test(lines[i + 1]) || /^\s*(#.*)?$/.test(lines[i + 1]))) {
            var item = /^(\s*)- +(.*)$/.exec(lines[i + 1]);
            if (!item) {
              if (/^\s*(#.*)?$/.test(lines[i + 1])) { i++; continue; }
              throw new ReadError("line", { line: i + 2, text: lines[i + 1].trim() });
            }
            var start = ++i;
            var found = block(lines, i, item[1].length, item[2]);
            i = found[1];
            result.ai_use_cases.push(toUseCase(found[0], start + 1, kinds || []));
          }
          continue;
        }
        if (HEADER_KEYS.indexOf(key) < 0) throw new ReadError("key", { line: number, key: key });
        if (key === "schema_version" && value !== 1) throw new ReadError("version", { line: number });
        if (key === "model" && value !== null && value !== modelId) {
          throw new ReadError("model", { line: number, found: String(value), model: modelId });
        }
        if (key === "assessed_on" && value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
          throw new ReadError("date", { line: number, value: String(value) });
        }
        if (key === "language" && languages.indexOf(value) < 0) continue;
        result[key] = value === null ? "" : String(value);
        continue;
      }
      var entry = /^ {1,}("(?:[^"\\]|\\.)*"|[^\s:]+):(.*)$/.exec(line);
      if (!entry) throw new ReadError("line", { line: number, text: line.trim() });
      var id = entry[1][0] === '"' ? unescape(entry[1].slice(1, -1), number) : entry[1];
      if (known.indexOf(id) < 0) throw new ReadError("id", { line: number, id: id });
      var rest = blanks(entry[2]);
      var answer;
      if (rest[0] === "{") answer = flow(rest, number);
      else if (rest && rest[0] !== "#") answer = { level: scalar(rest, number, /$^/)[0] };
      else {
        var mapping = block(lines, i, /^ */.exec(line)[0].length);
        answer = mapping[0];
        i = mapping[1];
      }
      result.answers[id] = toAnswer(answer, number);
    }
    if (!seen) throw new ReadError("empty", {});
    return result;
  }

  return { quote: quote, folded: folded, dump: dump, read: read, ReadError: ReadError };
})();
