/* setting-path.c — "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin" and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <string.h>

#include "passes.h"
#include "setting-path.h"

G_DEFINE_QUARK (ue-setting-path-error-quark, ue_setting_path_error)

static void
segment_free (gpointer data)
{
  UePathSegment *seg = data;
  g_free (seg->name);
  g_free (seg->key);
  g_free (seg->key_value);
  g_free (seg);
}

void
ue_setting_path_free (UeSettingPath *path)
{
  if (path == NULL)
    return;
  g_free (path->pass);
  g_free (path->component);
  g_ptr_array_unref (path->segments);
  g_free (path);
}

static gboolean
valid_name (const char *name,
            gsize       len)
{
  if (len == 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = name[i];
      if (c == '/' || c == '[' || c == ']' || c == '=' || g_ascii_isspace (c) || c == '<' || c == '>')
        return FALSE;
    }
  return TRUE;
}

static gboolean
syntax_error (GError     **error,
              const char  *text,
              const char  *why)
{
  g_set_error (error, UE_SETTING_PATH_ERROR, UE_SETTING_PATH_ERROR_SYNTAX,
               _("invalid setting path “%s”: %s"), text, why);
  return FALSE;
}

/* one "Name" or "Name[Key=Value]" starting at *p; advances *p past it and its '/' */
static UePathSegment *
parse_segment (const char  **p,
               const char   *text,
               GError      **error)
{
  const char *start = *p;
  const char *q = start;
  g_autoptr(GString) value = NULL;
  UePathSegment *seg;

  while (*q != '\0' && *q != '/' && *q != '[')
    q++;
  if (!valid_name (start, q - start))
    {
      syntax_error (error, text, _("an empty or invalid name"));
      return NULL;
    }
  seg = g_new0 (UePathSegment, 1);
  seg->name = g_strndup (start, q - start);
  if (*q == '[')
    {
      const char *eq;
      q++;
      eq = q;
      while (*eq != '\0' && *eq != '=' && *eq != ']')
        eq++;
      if (*eq != '=' || eq == q)
        {
          segment_free (seg);
          syntax_error (error, text, _("a list key must read [Key=Value]"));
          return NULL;
        }
      seg->key = g_strndup (q, eq - q);
      if (seg->key[0] == '@' ? !valid_name (seg->key + 1, strlen (seg->key) - 1)
                             : !valid_name (seg->key, strlen (seg->key)))
        {
          segment_free (seg);
          syntax_error (error, text, _("an invalid key name"));
          return NULL;
        }
      value = g_string_new (NULL);
      q = eq + 1;
      while (*q != '\0' && *q != ']')
        {
          if (*q == '\\' && (q[1] == ']' || q[1] == '\\'))
            q++;
          g_string_append_c (value, *q);
          q++;
        }
      if (*q != ']')
        {
          segment_free (seg);
          syntax_error (error, text, _("a “[” without its “]”"));
          return NULL;
        }
      q++;
      seg->key_value = g_string_free (g_steal_pointer (&value), FALSE);
      if (*q != '\0' && *q != '/')
        {
          segment_free (seg);
          syntax_error (error, text, _("text after “]”"));
          return NULL;
        }
    }
  if (*q == '/')
    {
      q++;
      if (*q == '\0')
        {
          segment_free (seg);
          syntax_error (error, text, _("a trailing “/”"));
          return NULL;
        }
    }
  *p = q;
  return seg;
}

UeSettingPath *
ue_setting_path_parse (const char  *text,
                       gboolean     validate_pass,
                       GError     **error)
{
  g_autoptr(UeSettingPath) path = NULL;
  const char *p = text;
  guint index = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* "/" alone names nothing either: without this check it parsed to a path without a pass */
  if (*text == '\0' || (text[0] == '/' && text[1] == '\0'))
    {
      syntax_error (error, text, _("the path is empty"));
      return NULL;
    }
  if (*text == '/')
    p++;

  path = g_new0 (UeSettingPath, 1);
  path->segments = g_ptr_array_new_with_free_func (segment_free);
  while (*p != '\0')
    {
      UePathSegment *seg = parse_segment (&p, text, error);
      if (seg == NULL)
        return NULL;
      if (index < 2 && seg->key != NULL)
        {
          segment_free (seg);
          syntax_error (error, text, _("a pass or component cannot take a key"));
          return NULL;
        }
      if (index == 0)
        {
          path->pass = g_steal_pointer (&seg->name);
          segment_free (seg);
        }
      else if (index == 1)
        {
          path->component = g_steal_pointer (&seg->name);
          segment_free (seg);
        }
      else
        g_ptr_array_add (path->segments, seg);
      index++;
    }
  if (validate_pass && ue_pass_number_from_name (path->pass) == 0)
    {
      g_set_error (error, UE_SETTING_PATH_ERROR, UE_SETTING_PATH_ERROR_PASS,
                   _("“%s” is not a configuration pass (windowsPE, offlineServicing, generalize, specialize, auditSystem, auditUser, oobeSystem)"),
                   path->pass);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
ue_setting_path_append_segment (GString    *out,
                                const char *name,
                                const char *key,
                                const char *key_value)
{
  g_string_append (out, name);
  if (key == NULL)
    return;
  g_string_append_printf (out, "[%s=", key);
  for (const char *c = key_value ? key_value : ""; *c; c++)
    {
      if (*c == ']' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, ']');
}

char *
ue_setting_path_dup_setting_part (const UeSettingPath *path)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (path != NULL, NULL);
  for (guint i = 0; i < path->segments->len; i++)
    {
      const UePathSegment *seg = g_ptr_array_index (path->segments, i);
      if (i > 0)
        g_string_append_c (out, '/');
      ue_setting_path_append_segment (out, seg->name, seg->key, seg->key_value);
    }
  return g_string_free (out, FALSE);
}

char *
ue_setting_path_to_string (const UeSettingPath *path)
{
  GString *out;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  out = g_string_new (path->pass);
  if (path->component != NULL)
    g_string_append_printf (out, "/%s", path->component);
  rest = ue_setting_path_dup_setting_part (path);
  if (*rest != '\0')
    g_string_append_printf (out, "/%s", rest);
  return g_string_free (out, FALSE);
}
