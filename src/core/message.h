/* message.h — one validation finding: severity, place in the file, words, node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator fills a GListStore of these; the Messages pane shows them and jumps to
 * the node on double-click. A message keeps its document alive so the node stays valid.
 */
#pragma once

#include <gio/gio.h>

#include "answer-doc.h"

G_BEGIN_DECLS

typedef enum
{
  UE_MESSAGE_SEVERITY_WARNING,
  UE_MESSAGE_SEVERITY_ERROR,
} UeMessageSeverity;

#define UE_TYPE_MESSAGE_SEVERITY (ue_message_severity_get_type ())
GType ue_message_severity_get_type (void) G_GNUC_CONST;

#define UE_TYPE_MESSAGE (ue_message_get_type ())
G_DECLARE_FINAL_TYPE (UeMessage, ue_message, UE, MESSAGE, GObject)

/* doc and node may be NULL (a message about the file as a whole); line 0 = no position */
UeMessage         *ue_message_new           (UeMessageSeverity  severity,
                                             const char        *file,
                                             guint              line,
                                             guint              column,
                                             const char        *text,
                                             const char        *path,
                                             UeAnswerDoc       *doc,
                                             UeNode            *node);
UeMessageSeverity  ue_message_get_severity  (UeMessage         *self);
const char        *ue_message_get_file      (UeMessage         *self);
guint              ue_message_get_line      (UeMessage         *self);
guint              ue_message_get_column    (UeMessage         *self);
const char        *ue_message_get_text      (UeMessage         *self);
/* the setting path of DESIGN.md ("oobeSystem/Microsoft-Windows-Shell-Setup/OOBE"), or NULL */
const char        *ue_message_get_path      (UeMessage         *self);
UeAnswerDoc       *ue_message_get_document  (UeMessage         *self);
/* the element the message is about (borrowed from the document), or NULL */
UeNode            *ue_message_get_node      (UeMessage         *self);
/* "error" or "warning" (untranslated, as in GCC-style output) */
const char        *ue_message_severity_to_string (UeMessageSeverity severity);
/* "FILE:LINE:COL: error: text" (or "FILE: error: text" without a position) */
char              *ue_message_format        (UeMessage         *self);

G_END_DECLS
