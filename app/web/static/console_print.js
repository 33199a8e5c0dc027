/* Console, 打印材料: 告业主书 are made by a POST (it issues fresh claim codes), so the PDF
   comes back as a blob and is saved under its name; the other PDFs are plain links. */
(function () {
  "use strict";

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var GZ = window.GZ;
    var kit = document.getElementById("print-kit");
    if (!kit) { return; }
    kit.querySelectorAll("form.print-letters").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        GZ.clearMessages(form);
        var vote = form.getAttribute("data-consultation");
        var picked = form.elements.stairwell_id.value;
        var body = picked ? { stairwell_id: parseInt(picked, 10) } : {};
        GZ.api("POST", "/api/v1/consultations/" + vote + "/print/letters.pdf", body).then(function (result) {
          if (!result.ok) { GZ.showError(form, result); return; }
          save(result.data, "letters-" + vote + ".pdf");
          GZ.showOk(form, kit.getAttribute("data-done"));
        });
      });
    });
  });
}());
