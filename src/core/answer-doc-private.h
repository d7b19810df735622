/* answer-doc-private.h — what the document, its edits and its serializer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the answer document's own files (answer-doc*.c, edit*.c) and the validator
 * include this: it is where xmlNode is seen.
 */
#pragma once

#include <libxml/tree.h>

#include "answer-doc.h"

G_BEGIN_DECLS

#define UE_NODE(n)  ((UeNode *) (n))
#define XML_NODE(n) ((xmlNode *) (n))

/* Where a node's text sits in the original bytes; kept in xmlNode._private.
 * A node with a span is written back from those bytes; an edit that changes a
 * node's own text drops its span (and restores it on undo). */
typedef struct
{
  gsize    start;         /* element: the start tag; other nodes: the whole node */
  gsize    len;
  gsize    end_start;     /* element: the end tag (end_len 0 when self-closing) */
  gsize    end_len;
  gsize    ws_start;      /* nodes at document level: the whitespace before them */
  gsize    ws_len;
  gboolean self_closing;
  gboolean start_dirty;   /* attributes changed: patch the start tag when writing */
} UeRawSpan;

/* The original text of a loaded document and its map to the tree. */
typedef struct
{
  char      *text;          /* UTF-8, without BOM, line endings as in the file */
  gsize      len;
  gsize      decl_len;      /* "<?xml …?>" at the start, or 0 */
  gsize      trailing_start;/* whitespace after the last node at document level */
  gsize      trailing_len;
  UeRawSpan *spans;         /* one per mapped node */
  guint      n_spans;
  GArray    *line_starts;   /* gsize offsets, for positions */
} UeSource;

/* answer-doc-source.c */
UeSource  *_ue_source_new         (const char *text,
                                   gsize       len);
void       _ue_source_free        (UeSource   *source);
/* the position of a DOCTYPE in the prolog (TRUE when there is one) */
gboolean   _ue_source_find_doctype (UeSource  *source,
                                   guint      *line,
                                   guint      *column);
/* attach spans to the tree; FALSE (and no spans) when the tree and text disagree */
gboolean   _ue_source_map         (UeSource   *source,
                                   xmlDoc     *doc);
void       _ue_source_offset_to_position (UeSource *source,
                                   gsize       offset,
                                   guint      *line,
                                   guint      *column);
/* write the document: spans verbatim, the rest generated with newline; positions
 * (optional) receives xmlNode* -> offset + 1 of each element's start tag in out */
void       _ue_source_serialize   (UeSource   *source,
                                   xmlDoc     *doc,
                                   const char *newline,
                                   GString    *out,
                                   GHashTable *positions);
/* offset of attribute local_name inside the start tag at tag_offset, or FALSE */
gboolean   _ue_source_find_attribute_at (UeSource *source,
                                   gsize       tag_offset,
                                   const char *local_name,
                                   gsize      *offset);
/* offset of attribute local_name inside an element's raw start tag, or FALSE */
gboolean   _ue_source_find_attribute (UeSource *source,
                                   UeRawSpan  *span,
                                   const char *local_name,
                                   gsize      *offset);

/* answer-doc-node.c: tree surgery that never merges text nodes (xmlAddChild does) */
void       _ue_xml_link_before    (xmlNode    *parent,
                                   xmlNode    *next,
                                   xmlNode    *node);
void       _ue_xml_unlink         (xmlNode    *node);
gboolean   _ue_xml_is_blank       (xmlNode    *node);
xmlNode   *_ue_xml_first_element  (xmlNode    *node);
xmlNode   *_ue_xml_next_element   (xmlNode    *node);

/* answer-doc.c: for edits */
void       _ue_answer_doc_emit_changed (UeAnswerDoc *self,
                                        xmlNode     *node);
xmlDoc    *_ue_answer_doc_get_xml      (UeAnswerDoc *self);
UeSource  *_ue_answer_doc_get_source   (UeAnswerDoc *self);
/* the text as it would be saved now (UTF-8) and where each element starts in it;
 * kept until the next change */
UeSource  *_ue_answer_doc_get_current  (UeAnswerDoc *self,
                                        GHashTable **positions);

G_END_DECLS

G_BEGIN_DECLS
/* answer-doc.c: run an edit (apply it, then put it on the undo stack or the open group) */
void        _ue_answer_doc_run          (UeAnswerDoc *self,
                                         gpointer     edit);
/* one indentation step of this file ("    ", "\t", "  "), "" when it is not indented */
const char *_ue_answer_doc_get_indent_unit (UeAnswerDoc *self);
G_END_DECLS
