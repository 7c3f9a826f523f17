// After a passkey is registered, ask for its name (the page lists it after).
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const button = document.getElementById("passkey-register-button");
  const id = event.detail && event.detail.id;
  if (button && id) {
    window.location.assign(button.dataset.nameUrl.replace(/0\/$/, `${id}/`));
  }
});
