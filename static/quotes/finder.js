// The quotation finder's panel in the page editor. It asks the server for
// proposals (a pasted passage or the current body) and lists them; the
// editor accepts, corrects or drops each one. Nothing is inserted into the
// body without a click on "Accept".
(function () {
  "use strict";
  var script = document.currentScript;

  function labels() {
    try {
      return JSON.parse(script.getAttribute("data-labels") || "{}");
    } catch (error) {
      return {};
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function pageIds() {
    var edit = location.pathname.match(/\/pages\/(\d+)\/edit\//);
    var add = location.pathname.match(/\/pages\/add\/[^/]+\/[^/]+\/(\d+)\//);
    return { page: edit ? edit[1] : "", parent: add ? add[1] : "" };
  }

  function bodyText(root) {
    var parts = [];
    root.querySelectorAll(".public-DraftEditor-content, textarea").forEach(
      function (node) {
        var text = node.tagName === "TEXTAREA" ? node.value : node.innerText;
        if (text && text.trim()) parts.push(text.trim());
      }
    );
    return parts.join("\n\n");
  }

  function start() {
    var rootElement = document.getElementById("body-root");
    if (!rootElement || !rootElement.rootBlock) return false;
    var L = labels();
    var panel = el("section", { class: "quotes-finder", "aria-label": L.title });
    panel.appendChild(el("h2", {}, L.title));
    var passageId = "quotes-finder-passage";
    panel.appendChild(el("label", { for: passageId }, L.passage));
    var passage = el("textarea", { id: passageId, rows: "5" });
    panel.appendChild(passage);
    var fromPassage = el("button", { type: "button", class: "button" }, L.propose);
    var fromBody = el(
      "button",
      { type: "button", class: "button button-secondary" },
      L.fromBody
    );
    panel.appendChild(fromPassage);
    panel.appendChild(fromBody);
    var status = el("p", { role: "status" });
    panel.appendChild(status);
    var list = el("ol", { class: "quotes-finder-proposals" });
    panel.appendChild(list);
    var field = rootElement.closest("[data-contentpath=body]") || rootElement;
    field.parentNode.insertBefore(panel, field);

    function show(data) {
      list.textContent = "";
      status.textContent = (L.found || "%s").replace(
        "%s",
        String(data.proposals.length)
      );
      data.proposals.forEach(function (proposal, index) {
        var item = el("li", { class: "quotes-finder-proposal" });
        var textId = "quotes-finder-text-" + index;
        item.appendChild(el("label", { for: textId }, L.quotation));
        var text = el("textarea", { id: textId, rows: "2" });
        text.value = proposal.text;
        item.appendChild(text);
        var speakerId = "quotes-finder-speaker-" + index;
        item.appendChild(el("label", { for: speakerId }, L.speaker));
        var speaker = el("select", { id: speakerId });
        speaker.appendChild(el("option", { value: "" }, L.freeText));
        data.people.forEach(function (person) {
          var option = el("option", { value: String(person.id) }, person.name);
          if (person.id === proposal.speaker_id) option.selected = true;
          speaker.appendChild(option);
        });
        item.appendChild(speaker);
        var typedId = "quotes-finder-typed-" + index;
        item.appendChild(el("label", { for: typedId }, L.typed));
        var typed = el("input", { id: typedId, type: "text" });
        typed.value = proposal.speaker_id ? "" : proposal.speaker;
        item.appendChild(typed);
        var dateId = "quotes-finder-date-" + index;
        item.appendChild(el("label", { for: dateId }, L.date));
        var date = el("input", { id: dateId, type: "date" });
        date.value = proposal.date_said || "";
        item.appendChild(date);
        var accept = el("button", { type: "button", class: "button" }, L.accept);
        var drop = el(
          "button",
          { type: "button", class: "button button-secondary no" },
          L.drop
        );
        item.appendChild(accept);
        item.appendChild(drop);
        drop.addEventListener("click", function () {
          item.remove();
        });
        accept.addEventListener("click", function () {
          var chosen = data.people.find(function (person) {
            return String(person.id) === speaker.value;
          });
          var root = rootElement.rootBlock;
          root.insert(
            {
              type: "quotation",
              value: {
                text: text.value,
                person: chosen
                  ? { id: chosen.id, string: chosen.string, edit_url: chosen.edit_url }
                  : null,
                speaker: chosen ? "" : typed.value,
                speaker_role: "",
                date_said: date.value || null,
                source_url: "",
              },
              id: null,
            },
            root.children.length,
            { animate: true }
          );
          item.remove();
        });
        list.appendChild(item);
      });
    }

    function ask(text) {
      var form = new FormData();
      var ids = pageIds();
      form.append("text", text);
      form.append("page", ids.page);
      form.append("parent", ids.parent);
      status.textContent = L.working;
      fetch(script.getAttribute("data-propose-url"), {
        method: "POST",
        body: form,
        headers: { "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(show)
        .catch(function () {
          status.textContent = L.failed;
        });
    }

    fromPassage.addEventListener("click", function () {
      if (passage.value.trim()) ask(passage.value);
    });
    fromBody.addEventListener("click", function () {
      var text = bodyText(rootElement);
      if (text) ask(text);
    });
    return true;
  }

  function whenReady(tries) {
    if (start() || tries <= 0) return;
    setTimeout(function () {
      whenReady(tries - 1);
    }, 200);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      whenReady(50);
    });
  } else {
    whenReady(50);
  }
})();
