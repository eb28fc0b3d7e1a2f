/*
 * The admin's autocomplete fields (select2) draw their own search box and choice box, without a label. Each
 * gets the label of the field it stands for, on load and whenever select2 redraws or an inline row is added.
 * Without JavaScript the plain, labelled select is used and this file does nothing.
 */
(function () {
  "use strict";

  function fieldLabel(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label && !label.id) {
      label.id = select.id + "-label";
    }
    return label;
  }

  function setAttribute(element, name, value) {
    if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function labelSingleChoice(container, label) {
    // The choice box is named by the field's label followed by the chosen value.
    var rendered = container.querySelector(".select2-selection--single .select2-selection__rendered");
    if (rendered && rendered.id) {
      setAttribute(rendered, "aria-labelledby", label.id);
      setAttribute(rendered.parentElement, "aria-labelledby", label.id + " " + rendered.id);
    }
  }

  function labelAutocompleteFields() {
    document.querySelectorAll("select + .select2-container").forEach(function (container) {
      var label = fieldLabel(container.previousElementSibling);
      if (!label) {
        return;
      }
      var name = label.textContent.trim().replace(/:$/, "");
      container.querySelectorAll(".select2-search__field").forEach(function (input) {
        setAttribute(input, "aria-label", name);
      });
      labelSingleChoice(container, label);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    labelAutocompleteFields();
    new MutationObserver(labelAutocompleteFields).observe(document.body, { childList: true, subtree: true });
  });
})();
