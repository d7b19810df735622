/* validator-values.c — checks on one value: type, enum, range, length, placeholders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "validator-private.h"

/* ---- placeholders ---- */

/* Variables Windows (cmd, Setup, Windows PE) defines itself: %NAME% with one of these
 * is a real reference, never a forgotten template field. */
static const char * const windows_variables[] = {
  "ALLUSERSPROFILE", "APPDATA", "CD", "CLIENTNAME", "CMDCMDLINE", "CMDEXTVERSION",
  "CommonProgramFiles", "CommonProgramFiles(x86)", "CommonProgramW6432", "COMPUTERNAME",
  "ComSpec", "configsetroot", "DATE", "DriverData", "ERRORLEVEL", "FIRMWARE_TYPE",
  "HOMEDRIVE", "HOMEPATH", "HOMESHARE", "LOCALAPPDATA", "LOGONSERVER",
  "NUMBER_OF_PROCESSORS", "OneDrive", "OS", "PATH", "PATHEXT", "PROCESSOR_ARCHITECTURE",
  "PROCESSOR_ARCHITEW6432", "PROCESSOR_IDENTIFIER", "PROCESSOR_LEVEL", "PROCESSOR_REVISION",
  "ProgramData", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "PROMPT",
  "PSModulePath", "PUBLIC", "RANDOM", "SESSIONNAME", "SystemDrive", "SystemRoot", "TEMP",
  "TIME", "TMP", "USERDNSDOMAIN", "USERDOMAIN", "USERDOMAIN_ROAMINGPROFILE", "USERNAME",
  "USERPROFILE", "WINDIR",
  NULL
};

static gboolean
is_windows_variable (const char *name,
                     gsize       len)
{
  for (guint i = 0; windows_variables[i] != NULL; i++)
    if (strlen (windows_variables[i]) == len && g_ascii_strncasecmp (windows_variables[i], name, len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

/* the end of a %NAME% starting at p (p[0] == '%'), or NULL */
static const char *
percent_variable_end (const char *p)
{
  const char *q = p + 1;

  if (!g_ascii_isalpha (*q) && *q != '_')
    return NULL;
  while (is_name_char (*q) || *q == '(' || *q == ')')
    q++;
  if (*q != '%')
    return NULL;
  /* "%E2%" in a URL is an escaped byte */
  if (q - p == 3 && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
    return NULL;
  return q + 1;
}

static gboolean
mentions_powershell (const char *value)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);
  return strstr (lower, "powershell") != NULL || strstr (lower, "pwsh") != NULL || strstr (lower, ".ps1") != NULL;
}

char *
_ue_find_placeholder (const char *value,
                      gboolean    command_like)
{
  g_autofree char *trimmed = NULL;
  gboolean powershell;

  if (value == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (value));
  /* percent signs in a URL are escapes, like variables in a command line */
  if (strstr (value, "://") != NULL)
    command_like = TRUE;
  /* ${name} and {{ }} are also PowerShell syntax; a PowerShell command keeps them */
  powershell = mentions_powershell (value);

  for (const char *p = value; *p; p++)
    {
      const char *end = NULL;

      if (p[0] == '@' && p[1] == '@')
        {
          const char *q = p + 2;
          while (is_name_char (*q) || *q == ':')
            q++;
          if (q > p + 2 && q[0] == '@' && q[1] == '@')
            end = q + 2;
        }
      else if (p[0] == '$' && p[1] == '{' && !powershell)
        {
          const char *close = strchr (p + 2, '}');
          if (close != NULL && close > p + 2 && g_ascii_strncasecmp (p + 2, "env:", 4) != 0 &&
              strcspn (p + 2, " \t\r\n}") == (gsize) (close - p - 2))
            end = close + 1;
        }
      else if (p[0] == '{' && p[1] == '{' && !powershell)
        {
          const char *close = strstr (p + 2, "}}");
          if (close != NULL && close > p + 2 && memchr (p + 2, '\n', close - p - 2) == NULL)
            end = close + 2;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          /* cmd's escaped percent (%%i in a for loop) */
          p++;
          continue;
        }
      else if (p[0] == '%')
        {
          const char *q = percent_variable_end (p);
          if (q != NULL)
            {
              gboolean whole = (gsize) (q - p) == strlen (trimmed) && strncmp (trimmed, p, q - p) == 0;
              /* in a command line %NAME% may be a variable set by an earlier command */
              if (!is_windows_variable (p + 1, q - p - 2) && (!command_like || whole))
                end = q;
              else
                {
                  p = q - 1;
                  continue;
                }
            }
        }
      if (end != NULL)
        return g_strndup (p, end - p);
    }
  return NULL;
}

gboolean
_ue_has_placeholder (const char *value,
                     gboolean    command_like)
{
  g_autofree char *placeholder = _ue_find_placeholder (value, command_like);
  return placeholder != NULL;
}

gboolean
_ue_is_command_like (const char *setting_name)
{
  return g_str_has_suffix (setting_name, "CommandLine") || g_str_has_suffix (setting_name, "Command") ||
         g_str_has_suffix (setting_name, "Path") || strcmp (setting_name, "Arguments") == 0 ||
         strcmp (setting_name, "Description") == 0;
}

/* ---- suggestions ---- */

/* The edit distance of A and B when it is below LIMIT, else LIMIT. A common start and
 * end cost nothing and are skipped ("Microsoft-Windows-" of every component); only the
 * band of cells within LIMIT of the diagonal can lead below it; names differing in
 * length by LIMIT or more are not compared at all, and a row whose every cell reached
 * LIMIT ends the comparison. Validation looks up every unknown name against each of
 * the catalog's hundreds of components: full tables would cost their lengths' product. */
static guint
edit_distance_below (const char *a,
                     const char *b,
                     guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) >= limit)
    return limit;
  while (la > 0 && lb > 0 && g_ascii_tolower (*a) == g_ascii_tolower (*b))
    a++, b++, la--, lb--;
  while (la > 0 && lb > 0 && g_ascii_tolower (a[la - 1]) == g_ascii_tolower (b[lb - 1]))
    la--, lb--;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = MIN (j, limit);
  for (gsize i = 1; i <= la; i++)
    {
      gsize first = i > limit ? i - limit : 1;
      gsize last = MIN (lb, i + limit);
      guint diagonal = row[first - 1];
      guint row_min;

      /* the cell left of the band counts as LIMIT: no path through it gets below */
      row[first - 1] = first == 1 ? MIN (i, limit) : limit;
      row_min = row[first - 1];
      for (gsize j = first; j <= last; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;
          row[j] = MIN (MIN (MIN (above + 1, row[j - 1] + 1), diagonal + cost), limit);
          row_min = MIN (row_min, row[j]);
          diagonal = above;
        }
      if (row_min >= limit)
        return limit;
    }
  return row[lb];
}

const char *
_ue_closest_name (const char  *name,
                  GPtrArray   *candidates,
                  const char *(*get_name) (gconstpointer item))
{
  const char *best = NULL;
  guint best_distance = MAX (strlen (name) / 3, 1) + 1;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = get_name (candidates->pdata[i]);
      guint distance = edit_distance_below (name, candidate, best_distance);

      if (distance < best_distance)
        {
          best = candidate;
          best_distance = distance;
        }
    }
  return best;
}

/* ---- types ---- */

/* bounds the xsd type itself implies */
static void
xsd_bounds (const char *xsd_type,
            gint64     *min,
            gint64     *max)
{
  static const struct { const char *name; gint64 min, max; } types[] = {
    { "byte", G_MININT8, G_MAXINT8 },
    { "unsignedByte", 0, G_MAXUINT8 },
    { "short", G_MININT16, G_MAXINT16 },
    { "unsignedShort", 0, G_MAXUINT16 },
    { "int", G_MININT32, G_MAXINT32 },
    { "unsignedInt", 0, G_MAXUINT32 },
    { "long", G_MININT64, G_MAXINT64 },
    { "unsignedLong", 0, G_MAXINT64 },
    { "nonNegativeInteger", 0, G_MAXINT64 },
    { "positiveInteger", 1, G_MAXINT64 },
    { "nonPositiveInteger", G_MININT64, 0 },
    { "negativeInteger", G_MININT64, -1 },
  };

  *min = G_MININT64;
  *max = G_MAXINT64;
  for (guint i = 0; xsd_type != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (xsd_type, types[i].name) == 0)
      {
        *min = types[i].min;
        *max = types[i].max;
      }
}

gboolean
_ue_parse_integer (const char *text,
               gint64     *out)
{
  char *end = NULL;
  const char *digits = text[0] == '-' || text[0] == '+' ? text + 1 : text;

  if (!g_ascii_isdigit (digits[0]))
    return FALSE;
  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

static char *
check_integer (const UeSettingDef *def,
               const char         *value)
{
  gint64 number, min, max;
  gboolean has_min, has_max;

  if (!_ue_parse_integer (value, &number))
    return g_strdup_printf (_("“%s” must be a whole number, not “%s”"), def->name, value);

  xsd_bounds (def->xsd_type, &min, &max);
  has_min = def->has_min || min != G_MININT64;
  has_max = def->has_max || max != G_MAXINT64;
  if (def->has_min)
    min = def->min;
  if (def->has_max)
    max = def->max;
  if ((has_min && number < min) || (has_max && number > max))
    {
      if (has_min && has_max)
        return g_strdup_printf (_("“%s” is %s, outside the allowed range %lld..%lld"),
                                def->name, value, (long long) min, (long long) max);
      if (has_min)
        return g_strdup_printf (_("“%s” is %s, below the minimum %lld"), def->name, value, (long long) min);
      return g_strdup_printf (_("“%s” is %s, above the maximum %lld"), def->name, value, (long long) max);
    }
  return NULL;
}

static char *
check_enum (const UeSettingDef *def,
            const char         *value,
            UeMessageSeverity  *severity)
{
  g_autofree char *allowed = NULL;

  if (def->enum_values == NULL || def->enum_values[0] == NULL)
    return NULL;
  if (g_strv_contains ((const char * const *) def->enum_values, value))
    return NULL;
  for (guint i = 0; def->enum_values[i] != NULL; i++)
    if (g_ascii_strcasecmp (def->enum_values[i], value) == 0)
      {
        *severity = UE_MESSAGE_SEVERITY_WARNING;
        return g_strdup_printf (_("“%s” is “%s”; the documented spelling is “%s”"),
                                def->name, value, def->enum_values[i]);
      }
  allowed = g_strjoinv (", ", def->enum_values);
  return g_strdup_printf (_("“%s” must be one of %s, not “%s”"), def->name, allowed, value);
}

char *
_ue_check_value (const UeSettingDef *def,
                 const char         *value,
                 UeMessageSeverity  *severity)
{
  g_autofree char *text = NULL;
  glong length;

  g_assert (def != NULL);
  *severity = UE_MESSAGE_SEVERITY_ERROR;
  if (value == NULL)
    return NULL;
  text = g_strstrip (g_strdup (value));
  /* an empty string is what WSIM's "Write Empty String" writes: deliberate for text,
   * doubtful for a typed value */
  if (*text == '\0')
    {
      *severity = UE_MESSAGE_SEVERITY_WARNING;
      switch (def->value_type)
        {
        case UE_VALUE_TYPE_BOOLEAN:
          return g_strdup_printf (_("“%s” is empty; Windows Setup expects true or false"), def->name);
        case UE_VALUE_TYPE_INTEGER:
          return g_strdup_printf (_("“%s” is empty; Windows Setup expects a whole number"), def->name);
        case UE_VALUE_TYPE_ENUM:
          if (def->enum_values != NULL && def->enum_values[0] != NULL)
            {
              g_autofree char *allowed = g_strjoinv (", ", def->enum_values);
              return g_strdup_printf (_("“%s” is empty; Windows Setup expects one of %s"), def->name, allowed);
            }
          return NULL;
        default:
          return NULL;
        }
    }

  switch (def->value_type)
    {
    case UE_VALUE_TYPE_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0 ||
          strcmp (text, "1") == 0 || strcmp (text, "0") == 0)
        return NULL;
      return g_strdup_printf (_("“%s” must be true or false, not “%s”"), def->name, text);
    case UE_VALUE_TYPE_INTEGER:
      return check_integer (def, text);
    case UE_VALUE_TYPE_ENUM:
      return check_enum (def, text, severity);
    case UE_VALUE_TYPE_STRING:
      length = g_utf8_strlen (value, -1);
      if (def->max_length >= 0 && length > def->max_length)
        return g_strdup_printf (_("“%s” is %ld characters long, more than the allowed %d"),
                                def->name, length, def->max_length);
      if (def->min_length > 0 && length < def->min_length)
        return g_strdup_printf (_("“%s” is %ld characters long, fewer than the required %d"),
                                def->name, length, def->min_length);
      return NULL;
    case UE_VALUE_TYPE_NONE:
    default:
      return NULL;
    }
}
