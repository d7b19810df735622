/* secret.c — WSIM's "Hide Sensitive Data" password encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "secret.h"

G_DEFINE_QUARK (ue-secret-error-quark, ue_secret_error)

gboolean
ue_secret_is_password_element (const char *element)
{
  static const char * const names[] = {
    "Password", "AdministratorPassword", "OfflineAdministratorPassword", NULL
  };
  return element != NULL && g_strv_contains (names, element);
}

char *
ue_secret_encode (const char *element,
                  const char *password)
{
  g_autofree char *joined = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  joined = g_strconcat (password, element, NULL);
  utf16 = g_utf8_to_utf16 (joined, -1, NULL, &n_units, NULL);
  if (utf16 == NULL)
    return NULL;
  /* UTF-16LE on the wire whatever the host order */
  for (glong i = 0; i < n_units; i++)
    utf16[i] = GUINT16_TO_LE (utf16[i]);
  return g_base64_encode ((const guchar *) utf16, n_units * 2);
}

char *
ue_secret_decode (const char  *element,
                  const char  *hidden,
                  GError     **error)
{
  g_autofree guchar *bytes = NULL;
  g_autofree char *text = NULL;
  gsize n_bytes = 0;
  gsize text_len, suffix_len;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (hidden != NULL, NULL);

  trimmed = g_strstrip (g_strdup (hidden));
  for (const char *p = trimmed; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      {
        g_set_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID,
                     _("the hidden value is not base64"));
        return NULL;
      }
  if (strlen (trimmed) % 4 != 0)
    {
      g_set_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID,
                   _("the hidden value is not base64"));
      return NULL;
    }
  bytes = g_base64_decode (trimmed, &n_bytes);
  if (n_bytes % 2 != 0)
    {
      g_set_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID,
                   _("the hidden value is not UTF-16 text"));
      return NULL;
    }
  for (gsize i = 0; i < n_bytes / 2; i++)
    ((guint16 *) bytes)[i] = GUINT16_FROM_LE (((guint16 *) bytes)[i]);
  text = g_utf16_to_utf8 ((const gunichar2 *) bytes, n_bytes / 2, NULL, NULL, NULL);
  if (text == NULL)
    {
      g_set_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID,
                   _("the hidden value is not UTF-16 text"));
      return NULL;
    }
  text_len = strlen (text);
  suffix_len = strlen (element);
  if (text_len < suffix_len || strcmp (text + text_len - suffix_len, element) != 0)
    {
      g_set_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID,
                   _("the hidden value does not end with “%s”: it was hidden for another element or is not hidden"),
                   element);
      return NULL;
    }
  text[text_len - suffix_len] = '\0';
  return g_steal_pointer (&text);
}
