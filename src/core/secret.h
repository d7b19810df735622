/* secret.h — WSIM's "Hide Sensitive Data" password encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hidden value = base64 (UTF-16LE (password + element name)), where the element is
 * Password, AdministratorPassword or OfflineAdministratorPassword. It hides, it does
 * not protect: anyone can decode it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UE_SECRET_ERROR (ue_secret_error_quark ())
typedef enum
{
  UE_SECRET_ERROR_INVALID,   /* not base64, not UTF-16LE, or the suffix is missing */
} UeSecretError;
GQuark ue_secret_error_quark (void);

char     *ue_secret_encode           (const char  *element,
                                      const char  *password);
char     *ue_secret_decode           (const char  *element,
                                      const char  *hidden,
                                      GError     **error);
/* TRUE for the element names whose Value/PlainText pair is a password */
gboolean  ue_secret_is_password_element (const char *element);

G_END_DECLS
