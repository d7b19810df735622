/* cli-json.c — a small JSON writer for the --json outputs of unattend-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include "cli-json.h"

struct _UeJson
{
  GString *out;
  GArray  *has_items;   /* gboolean per open object/array: a comma is due */
  gboolean after_key;
};

UeJson *
ue_json_new (void)
{
  UeJson *json = g_new0 (UeJson, 1);
  json->out = g_string_new (NULL);
  json->has_items = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return json;
}

char *
ue_json_free_to_text (UeJson *json)
{
  char *text;

  g_string_append_c (json->out, '\n');
  g_array_unref (json->has_items);
  text = g_string_free (json->out, FALSE);
  g_free (json);
  return text;
}

static void
newline (UeJson *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->has_items->len; i++)
    g_string_append (json->out, "  ");
}

/* before any value: a comma and a new line, unless it follows its key */
static void
before_value (UeJson *json)
{
  gboolean *has;

  if (json->after_key)
    {
      json->after_key = FALSE;
      return;
    }
  if (json->has_items->len == 0)
    return;
  has = &g_array_index (json->has_items, gboolean, json->has_items->len - 1);
  if (*has)
    g_string_append_c (json->out, ',');
  *has = TRUE;
  newline (json);
}

static void
open_level (UeJson *json,
            char    c)
{
  gboolean no = FALSE;

  before_value (json);
  g_string_append_c (json->out, c);
  g_array_append_val (json->has_items, no);
}

static void
close_level (UeJson *json,
             char    c)
{
  gboolean had;

  g_return_if_fail (json->has_items->len > 0);
  had = g_array_index (json->has_items, gboolean, json->has_items->len - 1);
  g_array_set_size (json->has_items, json->has_items->len - 1);
  if (had)
    newline (json);
  g_string_append_c (json->out, c);
}

void
ue_json_begin_object (UeJson *json)
{
  open_level (json, '{');
}

void
ue_json_end_object (UeJson *json)
{
  close_level (json, '}');
}

void
ue_json_begin_array (UeJson *json)
{
  open_level (json, '[');
}

void
ue_json_end_array (UeJson *json)
{
  close_level (json, ']');
}

void
ue_json_escape (GString    *out,
                const char *value)
{
  g_autofree char *valid = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

void
ue_json_key (UeJson     *json,
             const char *key)
{
  before_value (json);
  ue_json_escape (json->out, key);
  g_string_append (json->out, ": ");
  json->after_key = TRUE;
}

void
ue_json_string (UeJson     *json,
                const char *value)
{
  before_value (json);
  if (value == NULL)
    g_string_append (json->out, "null");
  else
    ue_json_escape (json->out, value);
}

void
ue_json_int (UeJson *json,
             gint64  value)
{
  before_value (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

void
ue_json_bool (UeJson   *json,
              gboolean  value)
{
  before_value (json);
  g_string_append (json->out, value ? "true" : "false");
}

void
ue_json_strv (UeJson             *json,
              const char * const *values)
{
  /* short arrays of words read best on one line */
  ue_json_begin_array (json);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (json->out, ", ");
      ue_json_escape (json->out, values[i]);
    }
  g_array_set_size (json->has_items, json->has_items->len - 1);
  g_string_append_c (json->out, ']');
}
