/* fuzz-setting-path.c — libFuzzer target: the setting-path parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-path
 *
 * parse → to_string → parse must give the same path, and to_string of that the same text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "core/setting-path.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
same_path (const UeSettingPath *a,
           const UeSettingPath *b)
{
  if (g_strcmp0 (a->pass, b->pass) != 0 || g_strcmp0 (a->component, b->component) != 0 ||
      a->segments->len != b->segments->len)
    return FALSE;
  for (guint i = 0; i < a->segments->len; i++)
    {
      const UePathSegment *x = a->segments->pdata[i], *y = b->segments->pdata[i];
      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->key, y->key) != 0 ||
          g_strcmp0 (x->key_value, y->key_value) != 0)
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);   /* stops at a NUL */

  for (int validate = 0; validate < 2; validate++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeSettingPath) path = ue_setting_path_parse (text, validate, &error);
      g_autoptr(UeSettingPath) again = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *reprinted = NULL;
      g_autofree char *part = NULL;

      if (path == NULL)
        {
          fuzz_check_error (error);
          continue;
        }
      g_assert (error == NULL);
      printed = ue_setting_path_to_string (path);
      part = ue_setting_path_dup_setting_part (path);
      again = ue_setting_path_parse (printed, validate, &error);
      if (again == NULL)
        g_error ("\"%s\" printed as \"%s\", which does not parse: %s", text, printed, error->message);
      if (!same_path (path, again))
        g_error ("\"%s\" printed as \"%s\", which parses differently", text, printed);
      reprinted = ue_setting_path_to_string (again);
      if (strcmp (printed, reprinted) != 0)
        g_error ("\"%s\" prints as \"%s\", then as \"%s\"", text, printed, reprinted);
      if (part == NULL || (path->segments->len > 0 && strstr (printed, part) == NULL))
        g_error ("setting part \"%s\" is not in \"%s\"", part, printed);
    }
  return 0;
}
