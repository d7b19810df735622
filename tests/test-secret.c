/* test-secret.c — Hide Sensitive Data encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/secret.h"

static void
test_worked_example (void)
{
  /* FORMATS.md's worked example */
  g_autofree char *hidden = ue_secret_encode ("Password", "Password1234");
  g_assert_cmpstr (hidden, ==, "UABhAHMAcwB3AG8AcgBkADEAMgAzADQAUABhAHMAcwB3AG8AcgBkAA==");
}

static void
test_round_trip (void)
{
  const char *elements[] = { "Password", "AdministratorPassword", "OfflineAdministratorPassword" };
  const char *passwords[] = { "", "P@ss w0rd!", "Kennwort-äöü-€", "日本語のパスワード", "a\"<&>'" };

  for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
    for (guint p = 0; p < G_N_ELEMENTS (passwords); p++)
      {
        g_autofree char *hidden = ue_secret_encode (elements[e], passwords[p]);
        g_autofree char *plain = NULL;
        g_autoptr(GError) error = NULL;

        plain = ue_secret_decode (elements[e], hidden, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (plain, ==, passwords[p]);
      }
}

static void
test_empty_is_suffix (void)
{
  g_autofree char *hidden = ue_secret_encode ("AdministratorPassword", "");
  g_autofree char *suffix_only = NULL;
  /* "AdministratorPassword" in UTF-16LE, base64 */
  suffix_only = g_base64_encode ((const guchar *) "A\0d\0m\0i\0n\0i\0s\0t\0r\0a\0t\0o\0r\0P\0a\0s\0s\0w\0o\0r\0d\0", 42);
  g_assert_cmpstr (hidden, ==, suffix_only);
}

static void
test_decode_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hidden = ue_secret_encode ("Password", "x");
  char *plain;

  /* a value hidden for Password is refused as an AdministratorPassword */
  plain = ue_secret_decode ("AdministratorPassword", hidden, &error);
  g_assert_null (plain);
  g_assert_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID);
  g_clear_error (&error);

  plain = ue_secret_decode ("Password", "not base64!", &error);
  g_assert_null (plain);
  g_assert_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID);
  g_clear_error (&error);

  /* odd byte count: "YQ==" is one byte */
  plain = ue_secret_decode ("Password", "YQ==", &error);
  g_assert_null (plain);
  g_assert_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID);
  g_clear_error (&error);

  /* a plain-text password is not a hidden one */
  plain = ue_secret_decode ("Password", "Password1234", &error);
  g_assert_null (plain);
  g_assert_error (error, UE_SECRET_ERROR, UE_SECRET_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/secret/worked-example", test_worked_example);
  g_test_add_func ("/core/secret/round-trip", test_round_trip);
  g_test_add_func ("/core/secret/empty-is-suffix", test_empty_is_suffix);
  g_test_add_func ("/core/secret/decode-errors", test_decode_errors);
  return g_test_run ();
}
