/* passes.c — the seven configuration passes of an answer file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include "passes.h"

#include <string.h>

static const char * const pass_names[UE_N_PASSES] = {
  "windowsPE", "offlineServicing", "generalize", "specialize",
  "auditSystem", "auditUser", "oobeSystem",
};

guint
ue_pass_number_from_name (const char *name)
{
  if (name == NULL)
    return 0;
  for (guint i = 0; i < UE_N_PASSES; i++)
    if (strcmp (name, pass_names[i]) == 0)
      return i + 1;
  return 0;
}

const char *
ue_pass_name (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= UE_N_PASSES, NULL);
  return pass_names[number - 1];
}

UePassFlags
ue_pass_flag (guint number)
{
  if (number < 1 || number > UE_N_PASSES)
    return UE_PASS_NONE;
  return 1 << (number - 1);
}

UePassFlags
ue_pass_flags_parse (const char *space_separated)
{
  UePassFlags flags = UE_PASS_NONE;
  g_auto(GStrv) words = NULL;

  if (space_separated == NULL)
    return UE_PASS_NONE;
  words = g_strsplit_set (space_separated, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    flags |= ue_pass_flag (ue_pass_number_from_name (words[i]));
  return flags;
}

char *
ue_pass_flags_to_string (UePassFlags flags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i <= UE_N_PASSES; i++)
    if (flags & ue_pass_flag (i))
      {
        if (s->len > 0)
          g_string_append_c (s, ' ');
        g_string_append (s, ue_pass_name (i));
      }
  return g_string_free (s, FALSE);
}
