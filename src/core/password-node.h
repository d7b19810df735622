/* password-node.h — reading and writing a <X><Value/><PlainText/></X> password setting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "answer-doc.h"

G_BEGIN_DECLS

/* the password held by @container (AdministratorPassword, Password, …): the Value as
 * written when PlainText is absent or true, decoded when it is false. NULL when there is
 * no Value or a hidden value cannot be decoded. */
char     *ue_password_node_dup  (UeAnswerDoc *doc,
                                 UeNode      *container);
/* write @password into @container in plain text (Value, PlainText=true); the document
 * hides it on save when its hide-sensitive-data is on. Through the document's edits. */
void      ue_password_node_set  (UeAnswerDoc *doc,
                                 UeNode      *container,
                                 const char  *password);

G_END_DECLS
