/* answer-doc-source.c — the file's own bytes, mapped onto the libxml2 tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 forgets how a file was written: line endings, attribute layout and quotes,
 * the XML declaration, whitespace outside the root. To write back every byte we did
 * not change, we tokenize the (already well-formed) text once, walk the tree in the
 * same order and give each node the span of text it came from. Writing then copies
 * spans and generates only what edits created.
 */
#define G_LOG_DOMAIN "ue-core"

#include <string.h>

#include "answer-doc-private.h"

typedef enum
{
  TOKEN_EOF,
  TOKEN_TEXT,
  TOKEN_START,
  TOKEN_END,
  TOKEN_COMMENT,
  TOKEN_PI,
  TOKEN_CDATA,
  TOKEN_DOCTYPE,
  TOKEN_ERROR,
} TokenKind;

typedef struct
{
  TokenKind kind;
  gsize     start;
  gsize     len;
  gsize     name_start;   /* START / END */
  gsize     name_len;
  gboolean  self_closing;
} Token;

UeSource *
_ue_source_new (const char *text,
                gsize       len)
{
  UeSource *source = g_new0 (UeSource, 1);
  gsize zero = 0;

  source->text = g_strndup (text, len);
  source->len = len;
  source->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (source->line_starts, zero);
  for (gsize i = 0; i < len; i++)
    {
      /* a lone CR ends a line for XML as well */
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
        {
          gsize next = i + 1;
          g_array_append_val (source->line_starts, next);
        }
    }
  if (len >= 5 && strncmp (text, "<?xml", 5) == 0 && (len == 5 || g_ascii_isspace (text[5])))
    {
      const char *end = g_strstr_len (text, len, "?>");
      if (end != NULL)
        source->decl_len = end + 2 - text;
    }
  return source;
}

void
_ue_source_free (UeSource *source)
{
  if (source == NULL)
    return;
  g_free (source->text);
  g_free (source->spans);
  g_array_unref (source->line_starts);
  g_free (source);
}

void
_ue_source_offset_to_position (UeSource *source,
                               gsize     offset,
                               guint    *line,
                               guint    *column)
{
  guint lo = 0, hi = source->line_starts->len;

  /* last line start <= offset */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (source->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  if (line)
    *line = lo + 1;
  if (column)
    *column = offset - g_array_index (source->line_starts, gsize, lo) + 1;
}

static gboolean
has_prefix_at (UeSource   *s,
               gsize       pos,
               const char *prefix)
{
  gsize n = strlen (prefix);
  return pos + n <= s->len && memcmp (s->text + pos, prefix, n) == 0;
}

static gsize
find_from (UeSource   *s,
           gsize       pos,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = pos; i + n <= s->len; i++)
    if (s->text[i] == needle[0] && memcmp (s->text + i, needle, n) == 0)
      return i;
  return G_MAXSIZE;
}

static gboolean
is_name_end (char c)
{
  return g_ascii_isspace (c) || c == '/' || c == '>' || c == '\0';
}

static gboolean
next_token (UeSource *s,
            gsize     pos,
            Token    *tok)
{
  const char *t = s->text;
  gsize end;

  memset (tok, 0, sizeof *tok);
  tok->start = pos;
  if (pos >= s->len)
    {
      tok->kind = TOKEN_EOF;
      return TRUE;
    }
  if (t[pos] != '<')
    {
      end = pos;
      while (end < s->len && t[end] != '<')
        end++;
      tok->kind = TOKEN_TEXT;
      tok->len = end - pos;
      return TRUE;
    }
  if (has_prefix_at (s, pos, "<!--"))
    {
      end = find_from (s, pos + 4, "-->");
      tok->kind = TOKEN_COMMENT;
      if (end == G_MAXSIZE)
        return FALSE;
      tok->len = end + 3 - pos;
      return TRUE;
    }
  if (has_prefix_at (s, pos, "<![CDATA["))
    {
      end = find_from (s, pos + 9, "]]>");
      tok->kind = TOKEN_CDATA;
      if (end == G_MAXSIZE)
        return FALSE;
      tok->len = end + 3 - pos;
      return TRUE;
    }
  if (has_prefix_at (s, pos, "<!DOCTYPE"))
    {
      tok->kind = TOKEN_DOCTYPE;
      tok->len = 9;
      return TRUE;
    }
  if (has_prefix_at (s, pos, "<?"))
    {
      end = find_from (s, pos + 2, "?>");
      tok->kind = TOKEN_PI;
      if (end == G_MAXSIZE)
        return FALSE;
      tok->len = end + 2 - pos;
      return TRUE;
    }

  /* a start or end tag: the name, then up to '>' outside quotes */
  tok->kind = t[pos + 1] == '/' ? TOKEN_END : TOKEN_START;
  tok->name_start = pos + (tok->kind == TOKEN_END ? 2 : 1);
  end = tok->name_start;
  while (end < s->len && !is_name_end (t[end]))
    end++;
  tok->name_len = end - tok->name_start;
  {
    char quote = 0;
    while (end < s->len)
      {
        char c = t[end];
        if (quote)
          {
            if (c == quote)
              quote = 0;
          }
        else if (c == '"' || c == '\'')
          quote = c;
        else if (c == '>')
          break;
        end++;
      }
  }
  if (end >= s->len)
    return FALSE;
  tok->len = end + 1 - pos;
  tok->self_closing = tok->kind == TOKEN_START && t[end - 1] == '/';
  return TRUE;
}

gboolean
_ue_source_find_doctype (UeSource *source,
                         guint    *line,
                         guint    *column)
{
  gsize pos = source->decl_len;
  Token tok;

  while (next_token (source, pos, &tok))
    {
      if (tok.kind == TOKEN_DOCTYPE)
        {
          _ue_source_offset_to_position (source, tok.start, line, column);
          return TRUE;
        }
      if (tok.kind == TOKEN_TEXT)
        {
          for (gsize i = 0; i < tok.len; i++)
            if (!g_ascii_isspace (source->text[tok.start + i]))
              return FALSE;
        }
      else if (tok.kind != TOKEN_COMMENT && tok.kind != TOKEN_PI)
        return FALSE;
      pos = tok.start + tok.len;
    }
  return FALSE;
}

/* ---- mapping ---- */

typedef struct
{
  UeSource *source;
  gsize     pos;
  guint     next_span;
} MapState;

static gboolean
node_qname_is (xmlNode    *node,
               const char *text,
               gsize       len)
{
  const char *name = (const char *) node->name;

  if (node->ns != NULL && node->ns->prefix != NULL)
    {
      gsize plen = strlen ((const char *) node->ns->prefix);
      if (len < plen + 1 || memcmp (text, node->ns->prefix, plen) != 0 || text[plen] != ':')
        return FALSE;
      text += plen + 1;
      len -= plen + 1;
    }
  return strlen (name) == len && memcmp (name, text, len) == 0;
}

static UeRawSpan *
take_span (MapState *st)
{
  g_assert (st->next_span < st->source->n_spans);
  return &st->source->spans[st->next_span++];
}

static gboolean map_children (MapState *st, xmlNode *parent);

static gboolean
map_node (MapState *st,
          xmlNode  *node)
{
  Token tok;
  UeRawSpan *span;

  if (!next_token (st->source, st->pos, &tok))
    return FALSE;
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      if (tok.kind != TOKEN_START || !node_qname_is (node, st->source->text + tok.name_start, tok.name_len))
        return FALSE;
      break;
    case XML_TEXT_NODE:
      if (tok.kind != TOKEN_TEXT)
        return FALSE;
      break;
    case XML_COMMENT_NODE:
      if (tok.kind != TOKEN_COMMENT)
        return FALSE;
      break;
    case XML_PI_NODE:
      if (tok.kind != TOKEN_PI)
        return FALSE;
      break;
    case XML_CDATA_SECTION_NODE:
      if (tok.kind != TOKEN_CDATA)
        return FALSE;
      break;
    default:
      return FALSE;
    }

  span = take_span (st);
  span->start = tok.start;
  span->len = tok.len;
  span->self_closing = tok.self_closing;
  node->_private = span;
  st->pos = tok.start + tok.len;

  if (node->type == XML_ELEMENT_NODE && !tok.self_closing)
    {
      if (!map_children (st, node))
        return FALSE;
      if (!next_token (st->source, st->pos, &tok) || tok.kind != TOKEN_END ||
          !node_qname_is (node, st->source->text + tok.name_start, tok.name_len))
        return FALSE;
      span->end_start = tok.start;
      span->end_len = tok.len;
      st->pos = tok.start + tok.len;
    }
  return TRUE;
}

static gboolean
map_children (MapState *st,
              xmlNode  *parent)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (!map_node (st, child))
      return FALSE;
  return TRUE;
}

/* whitespace at document level is not in the tree: remember it with the next node */
static void
skip_blank (MapState *st,
            gsize    *ws_start,
            gsize    *ws_len)
{
  gsize pos = st->pos;

  while (pos < st->source->len && g_ascii_isspace (st->source->text[pos]))
    pos++;
  *ws_start = st->pos;
  *ws_len = pos - st->pos;
  st->pos = pos;
}

static guint
count_nodes (xmlNode *node)
{
  guint n = 0;
  for (; node != NULL; node = node->next)
    {
      n++;
      if (node->type == XML_ELEMENT_NODE)
        n += count_nodes (node->children);
    }
  return n;
}

static void
clear_private (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      node->_private = NULL;
      if (node->type == XML_ELEMENT_NODE)
        clear_private (node->children);
    }
}

gboolean
_ue_source_map (UeSource *source,
                xmlDoc   *doc)
{
  MapState st = { source, source->decl_len, 0 };
  gboolean ok = TRUE;

  source->n_spans = count_nodes (doc->children);
  source->spans = g_new0 (UeRawSpan, source->n_spans);

  for (xmlNode *child = doc->children; child != NULL && ok; child = child->next)
    {
      gsize ws_start, ws_len;

      skip_blank (&st, &ws_start, &ws_len);
      ok = child->type != XML_DTD_NODE && map_node (&st, child);
      if (ok)
        {
          UeRawSpan *span = child->_private;
          span->ws_start = ws_start;
          span->ws_len = ws_len;
        }
    }
  if (ok)
    {
      skip_blank (&st, &source->trailing_start, &source->trailing_len);
      ok = st.pos == source->len;
    }
  if (!ok)
    {
      /* the file will be written by the generic serializer: still correct, less faithful */
      clear_private (doc->children);
      g_clear_pointer (&source->spans, g_free);
      source->n_spans = 0;
      source->trailing_len = 0;
    }
  return ok;
}

/* ---- attributes inside a raw start tag ---- */

typedef struct
{
  gsize ws_start;      /* whitespace before the attribute */
  gsize name_start;
  gsize name_len;
  gsize value_start;   /* inside the quotes */
  gsize value_len;
  char  quote;
  gsize end;           /* after the closing quote */
} RawAttr;

/* the attributes of a raw start tag; *tail is where its "/>" or ">" (with blanks) starts */
static GArray *
parse_raw_attributes (UeSource  *s,
                      UeRawSpan *span,
                      gsize     *tail)
{
  GArray *attrs = g_array_new (FALSE, FALSE, sizeof (RawAttr));
  const char *t = s->text;
  gsize end = span->start + span->len - (span->self_closing ? 2 : 1);
  gsize pos = span->start + 1;

  while (pos < end && !is_name_end (t[pos]))
    pos++;
  *tail = pos;
  for (;;)
    {
      RawAttr a = { 0 };

      a.ws_start = pos;
      while (pos < end && g_ascii_isspace (t[pos]))
        pos++;
      if (pos >= end)
        break;
      a.name_start = pos;
      while (pos < end && t[pos] != '=' && !g_ascii_isspace (t[pos]))
        pos++;
      a.name_len = pos - a.name_start;
      while (pos < end && t[pos] != '"' && t[pos] != '\'')
        pos++;
      if (pos >= end)
        break;
      a.quote = t[pos++];
      a.value_start = pos;
      while (pos < end && t[pos] != a.quote)
        pos++;
      a.value_len = pos - a.value_start;
      a.end = ++pos;
      g_array_append_val (attrs, a);
      *tail = pos;
    }
  return attrs;
}

gboolean
_ue_source_find_attribute (UeSource   *source,
                           UeRawSpan  *span,
                           const char *local_name,
                           gsize      *offset)
{
  g_autoptr(GArray) attrs = NULL;
  gsize tail, n = strlen (local_name);

  attrs = parse_raw_attributes (source, span, &tail);
  for (guint i = 0; i < attrs->len; i++)
    {
      RawAttr *a = &g_array_index (attrs, RawAttr, i);
      const char *name = source->text + a->name_start;
      const char *colon = memchr (name, ':', a->name_len);
      const char *local = colon ? colon + 1 : name;
      gsize local_len = a->name_len - (local - name);

      if (local_len == n && memcmp (local, local_name, n) == 0 &&
          !(colon && colon - name == 5 && memcmp (name, "xmlns", 5) == 0))
        {
          *offset = a->name_start;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_ue_source_find_attribute_at (UeSource   *source,
                              gsize       tag_offset,
                              const char *local_name,
                              gsize      *offset)
{
  UeRawSpan span = { 0 };
  Token tok;

  if (!next_token (source, tag_offset, &tok) || tok.kind != TOKEN_START)
    return FALSE;
  span.start = tok.start;
  span.len = tok.len;
  span.self_closing = tok.self_closing;
  return _ue_source_find_attribute (source, &span, local_name, offset);
}

/* ---- writing ---- */

typedef struct
{
  UeSource   *source;
  const char *newline;
  GString    *out;
  GHashTable *positions;   /* xmlNode* -> offset + 1 of its start tag in out, or NULL */
} Writer;

static void
put_raw (Writer *w,
         gsize   start,
         gsize   len)
{
  g_string_append_len (w->out, w->source->text + start, len);
}

/* generated text: "\n" becomes the document's line ending */
static void
put_generated (Writer     *w,
               const char *text,
               gssize      len)
{
  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        g_string_append (w->out, w->newline);
      else
        g_string_append_c (w->out, text[i]);
    }
}

static void
put_escaped (Writer     *w,
             const char *text,
             gboolean    attribute)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (w->out, "&amp;"); break;
        case '<': g_string_append (w->out, "&lt;"); break;
        case '>': g_string_append (w->out, "&gt;"); break;
        case '\r': g_string_append (w->out, "&#13;"); break;
        case '"':
          g_string_append (w->out, attribute ? "&quot;" : "\"");
          break;
        case '\n':
          if (attribute)
            g_string_append (w->out, "&#10;");
          else
            g_string_append (w->out, w->newline);
          break;
        case '\t':
          g_string_append (w->out, attribute ? "&#9;" : "\t");
          break;
        default:
          g_string_append_c (w->out, *p);
        }
    }
}

static char *
qname (xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  return g_strdup ((const char *) node->name);
}

static char *
attr_qname (xmlAttr *attr)
{
  if (attr->ns != NULL && attr->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", attr->ns->prefix, attr->name);
  return g_strdup ((const char *) attr->name);
}

static char *
attr_value (xmlAttr *attr)
{
  xmlChar *v = xmlNodeListGetString (attr->doc, attr->children, 1);
  char *copy = g_strdup (v ? (const char *) v : "");
  xmlFree (v);
  return copy;
}

static void
put_attribute (Writer     *w,
               const char *name,
               const char *value)
{
  g_string_append_printf (w->out, " %s=\"", name);
  put_escaped (w, value, TRUE);
  g_string_append_c (w->out, '"');
}

static void
put_generated_start_tag (Writer  *w,
                         xmlNode *node)
{
  g_autofree char *name = qname (node);

  g_string_append_printf (w->out, "<%s", name);
  /* WSIM's order on a component: attributes first, then xmlns declarations */
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      g_autofree char *an = attr_qname (a);
      g_autofree char *av = attr_value (a);
      put_attribute (w, an, av);
    }
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      g_autofree char *an = ns->prefix ? g_strdup_printf ("xmlns:%s", ns->prefix) : g_strdup ("xmlns");
      put_attribute (w, an, (const char *) ns->href);
    }
  g_string_append (w->out, node->children ? ">" : "/>");
}

/* an element read from the file whose attributes changed: keep its layout, replace
 * changed values in place, drop removed attributes, append new ones */
static void
put_patched_start_tag (Writer    *w,
                       xmlNode   *node,
                       UeRawSpan *span)
{
  g_autoptr(GArray) raw = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  UeSource *s = w->source;
  gsize tail;

  raw = parse_raw_attributes (s, span, &tail);
  put_raw (w, span->start, (raw->len ? g_array_index (raw, RawAttr, 0).ws_start : tail) - span->start);
  for (guint i = 0; i < raw->len; i++)
    {
      RawAttr *a = &g_array_index (raw, RawAttr, i);
      g_autofree char *name = g_strndup (s->text + a->name_start, a->name_len);
      xmlAttr *cur = NULL;

      if (g_str_has_prefix (name, "xmlns"))
        {
          put_raw (w, a->ws_start, a->end - a->ws_start);
          g_hash_table_add (seen, g_steal_pointer (&name));
          continue;
        }
      for (xmlAttr *c = node->properties; c != NULL && cur == NULL; c = c->next)
        {
          g_autofree char *cn = attr_qname (c);
          if (strcmp (cn, name) == 0)
            cur = c;
        }
      if (cur == NULL)
        continue;   /* removed */
      g_hash_table_add (seen, g_strdup (name));
      {
        g_autofree char *value = attr_value (cur);
        GString *escaped_value;
        gsize mark = w->out->len;

        /* escape as we would, then compare with the raw text: unchanged stays raw */
        put_escaped (w, value, TRUE);
        escaped_value = g_string_new_len (w->out->str + mark, w->out->len - mark);
        g_string_truncate (w->out, mark);
        if (escaped_value->len == a->value_len &&
            memcmp (escaped_value->str, s->text + a->value_start, a->value_len) == 0)
          put_raw (w, a->ws_start, a->end - a->ws_start);
        else
          {
            put_raw (w, a->ws_start, a->value_start - a->ws_start);
            if (a->quote == '\'')
              g_string_replace (escaped_value, "&quot;", "\"", 0), g_string_replace (escaped_value, "'", "&apos;", 0);
            g_string_append_len (w->out, escaped_value->str, escaped_value->len);
            g_string_append_c (w->out, a->quote);
          }
        g_string_free (escaped_value, TRUE);
      }
    }
  for (xmlAttr *c = node->properties; c != NULL; c = c->next)
    {
      g_autofree char *cn = attr_qname (c);
      if (!g_hash_table_contains (seen, cn))
        {
          g_autofree char *value = attr_value (c);
          put_attribute (w, cn, value);
        }
    }
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      g_autofree char *an = ns->prefix ? g_strdup_printf ("xmlns:%s", ns->prefix) : g_strdup ("xmlns");
      if (!g_hash_table_contains (seen, an))
        put_attribute (w, an, (const char *) ns->href);
    }
  if (span->self_closing && node->children != NULL)
    g_string_append_c (w->out, '>');
  else
    put_raw (w, tail, span->start + span->len - tail);
}

static void write_node (Writer *w, xmlNode *node);

static void
write_element (Writer  *w,
               xmlNode *node)
{
  UeRawSpan *span = node->_private;
  g_autofree char *name = NULL;

  if (w->positions != NULL)
    g_hash_table_insert (w->positions, node, GSIZE_TO_POINTER (w->out->len + 1));
  if (span == NULL)
    put_generated_start_tag (w, node);
  else if (span->start_dirty)
    put_patched_start_tag (w, node, span);
  else if (span->self_closing && node->children != NULL)
    {
      /* "<Value/>" that gained content: "<Value>" (blanks before the '/' go too) */
      gsize end = span->start + span->len - 2;
      while (end > span->start && g_ascii_isspace (w->source->text[end - 1]))
        end--;
      put_raw (w, span->start, end - span->start);
      g_string_append_c (w->out, '>');
    }
  else
    put_raw (w, span->start, span->len);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    write_node (w, child);

  if (span != NULL && span->end_len > 0)
    put_raw (w, span->end_start, span->end_len);
  else if (node->children != NULL || (span != NULL && !span->self_closing))
    {
      name = qname (node);
      g_string_append_printf (w->out, "</%s>", name);
    }
}

static void
write_node (Writer  *w,
            xmlNode *node)
{
  UeRawSpan *span = node->_private;

  if (node->type == XML_ELEMENT_NODE)
    {
      write_element (w, node);
      return;
    }
  if (span != NULL)
    {
      put_raw (w, span->start, span->len);
      return;
    }
  switch (node->type)
    {
    case XML_TEXT_NODE:
      put_escaped (w, (const char *) node->content, FALSE);
      break;
    case XML_COMMENT_NODE:
      g_string_append (w->out, "<!--");
      put_generated (w, (const char *) node->content, -1);
      g_string_append (w->out, "-->");
      break;
    case XML_CDATA_SECTION_NODE:
      g_string_append (w->out, "<![CDATA[");
      put_generated (w, (const char *) node->content, -1);
      g_string_append (w->out, "]]>");
      break;
    case XML_PI_NODE:
      g_string_append_printf (w->out, "<?%s", node->name);
      if (node->content && *node->content)
        {
          g_string_append_c (w->out, ' ');
          put_generated (w, (const char *) node->content, -1);
        }
      g_string_append (w->out, "?>");
      break;
    default:
      break;
    }
}

void
_ue_source_serialize (UeSource   *source,
                      xmlDoc     *doc,
                      const char *newline,
                      GString    *out,
                      GHashTable *positions)
{
  Writer w = { source, newline, out, positions };
  gboolean first = TRUE;

  if (source != NULL && source->decl_len > 0)
    put_raw (&w, 0, source->decl_len);
  else if (source == NULL)
    put_generated (&w, "<?xml version=\"1.0\" encoding=\"utf-8\"?>", -1);

  for (xmlNode *child = doc->children; child != NULL; child = child->next)
    {
      UeRawSpan *span = child->_private;

      if (child->type == XML_DTD_NODE)
        continue;
      if (span != NULL)
        put_raw (&w, span->ws_start, span->ws_len);
      else if (!first || (source == NULL || source->decl_len > 0))
        put_generated (&w, "\n", -1);
      write_node (&w, child);
      first = FALSE;
    }
  if (source != NULL && source->spans != NULL)
    put_raw (&w, source->trailing_start, source->trailing_len);
  else
    put_generated (&w, "\n", -1);
}
