/* validator.h — answer document × catalog → messages with line:column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator checks the document's structure (root, passes, component identity,
 * list items, hidden passwords, unrendered template placeholders) and, against the
 * catalog, every setting's place, pass, type and range. Its messages are a GListModel
 * of UeMessage, refilled in one items-changed on each run, so a view binds it once.
 */
#pragma once

#include <gio/gio.h>

#include "answer-doc.h"
#include "catalog.h"
#include "message.h"

G_BEGIN_DECLS

#define UE_TYPE_VALIDATOR (ue_validator_get_type ())
G_DECLARE_FINAL_TYPE (UeValidator, ue_validator, UE, VALIDATOR, GObject)

/* catalog NULL: the embedded default catalog */
UeValidator *ue_validator_new            (UeCatalog    *catalog);
UeCatalog   *ue_validator_get_catalog    (UeValidator  *self);
void         ue_validator_set_catalog    (UeValidator  *self,
                                          UeCatalog    *catalog);
/* (element-type UeMessage) (transfer none): in file order, the same model on every run */
GListModel  *ue_validator_get_messages   (UeValidator  *self);
/* validate doc, replacing the messages; returns the number of errors */
guint        ue_validator_run            (UeValidator  *self,
                                          UeAnswerDoc  *doc);
guint        ue_validator_get_n_errors   (UeValidator  *self);
guint        ue_validator_get_n_warnings (UeValidator  *self);
/* drop the messages (and with them the reference on the last document) */
void         ue_validator_clear          (UeValidator  *self);

/* One-shot: (transfer full) (element-type UeMessage); catalog NULL = the default one */
GListModel  *ue_validate_document        (UeAnswerDoc  *doc,
                                          UeCatalog    *catalog);

G_END_DECLS
