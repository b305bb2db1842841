/* The HTTP API reference: Swagger UI (served from our own static files) over /openapi.json. */
"use strict";

window.addEventListener("DOMContentLoaded", () => {
  SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: true,
  });
});
