<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddParticipantDialog</name>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="64"/>
        <source>Add a participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="72"/>
        <source>Name or organisation: pick from the roster, or a new name</source>
        <translation>Nom ou organisation : choisir dans l&apos;annuaire, ou un nouveau nom</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="92"/>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="94"/>
        <source>Not in the roster: fill in the form with the name typed</source>
        <translation>Pas dans l&apos;annuaire : remplir la fiche avec le nom tapé</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="119"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="120"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="125"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/participants/add_dialog.py" line="130"/>
        <source>From the roster:</source>
        <translation>Dans l&apos;annuaire :</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="121"/>
        <source>{0} is damaged and cannot be opened; Minutier has not changed it.</source>
        <translation>{0} est endommagé et ne peut pas être ouvert ; Minutier ne l&apos;a pas modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="125"/>
        <source>{0} cannot be opened as a Minutier database; Minutier has not changed it.</source>
        <translation>{0} ne peut pas être ouvert comme base de données Minutier ; Minutier ne l&apos;a pas modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="129"/>
        <source>Restore the newest good backup ({0})</source>
        <translation>Restaurer la sauvegarde saine la plus récente ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="40"/>
        <source>The backup was not restored: {0}</source>
        <translation>La sauvegarde n&apos;a pas été restaurée : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="41"/>
        <source>The backup of {0} is restored.</source>
        <translation>La sauvegarde du {0} est restaurée.</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="42"/>
        <source>The damaged file is kept as {0}.</source>
        <translation>Le fichier endommagé est conservé sous {0}.</translation>
    </message>
</context>
<context>
    <name>BlockEditor</name>
    <message>
        <location filename="../../ui/report/block_editor.py" line="35"/>
        <source>e.g. « The Libyan case »</source>
        <translation>par ex. « Le cas libyen »</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="37"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="40"/>
        <source>The question put to the room, if any</source>
        <translation>La question posée à la salle, s&apos;il y en a une</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="44"/>
        <source>Speaker</source>
        <translation>Orateur</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="45"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="47"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="82"/>
        <source>Text of the intervention</source>
        <translation>Texte de l&apos;intervention</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="83"/>
        <source>Points of the debate</source>
        <translation>Points du débat</translation>
    </message>
    <message>
        <location filename="../../ui/report/block_editor.py" line="84"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>CommitteeSettings</name>
    <message>
        <location filename="../../ui/committee_settings.py" line="211"/>
        <source>Document settings…</source>
        <translation>Réglages du document…</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="213"/>
        <source>Kind of document, numbered agenda, quorum, lists of participants printed</source>
        <translation>Type de document, ordre du jour numéroté, quorum, listes de participant·e·s imprimées</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="237"/>
        <source>Change the document settings</source>
        <translation>Modifier les réglages du document</translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message>
        <location filename="../../ui/year/comparison.py" line="192"/>
        <source>Comparison with an earlier meeting</source>
        <translation>Comparaison avec une réunion précédente</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="220"/>
        <source>Nothing differs: same people, same programme.</source>
        <translation>Aucune différence : mêmes personnes, même programme.</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="223"/>
        <source>Double-click a programme line or a text to open it. Inviting someone can be undone.</source>
        <translation>Double-cliquez sur une ligne du programme ou un texte pour l&apos;ouvrir. Une invitation peut être annulée.</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="229"/>
        <source>Compared with:</source>
        <translation>Comparée avec :</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="271"/>
        <source>(no earlier meeting)</source>
        <translation>(aucune réunion précédente)</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="272"/>
        <source>{0}
compared with {1}</source>
        <translation>{0}
comparée avec {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/comparison.py" line="274"/>
        <source>Invite all %n</source>
        <translation>
            <numerusform>Inviter %n personne</numerusform>
            <numerusform>Inviter les %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="287"/>
        <source>Invite</source>
        <translation>Inviter</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="288"/>
        <source>Put {0} on this meeting&apos;s list, as invited</source>
        <translation>Ajouter {0} à la liste de cette réunion, comme invité(e)</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="317"/>
        <source>Invite {0}</source>
        <translation>Inviter {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/comparison.py" line="335"/>
        <source>Invite %n people</source>
        <translation>
            <numerusform>Inviter %n personne</numerusform>
            <numerusform>Inviter %n personnes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../ui/year/comparison.py" line="71"/>
        <source>Attended last time, not invited this time</source>
        <translation>Présents la dernière fois, pas invités cette fois</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="72"/>
        <source>New names on the list</source>
        <translation>Nouveaux noms sur la liste</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="73"/>
        <source>Programme items added</source>
        <translation>Points du programme ajoutés</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="74"/>
        <source>Programme items dropped</source>
        <translation>Points du programme retirés</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="75"/>
        <source>Moderators and speakers as last time: to confirm</source>
        <translation>Modérateurs et intervenants repris de la dernière fois : à confirmer</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="76"/>
        <source>Texts as last time: to rewrite or confirm</source>
        <translation>Textes repris de la dernière fois : à réécrire ou confirmer</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="81"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="82"/>
        <source>Co-organisers sentence</source>
        <translation>Phrase des co-organisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="83"/>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="108"/>
        <source>under « {0} »</source>
        <translation>dans « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="145"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../ui/year/comparison.py" line="145"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>DecisionHistoryModel</name>
    <message>
        <location filename="../../ui/decisions/model.py" line="300"/>
        <source>Meeting date</source>
        <translation>Date de la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="301"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="302"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="303"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="304"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <location filename="../../ui/decisions/model.py" line="103"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="104"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="105"/>
        <source>Item</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="106"/>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="107"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="108"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="109"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="235"/>
        <source>Edit decision {0}</source>
        <translation>Modifier la décision {0}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="246"/>
        <source>Add a decision</source>
        <translation>Ajouter une décision</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/model.py" line="253"/>
        <source>Delete decision {0}</source>
        <translation>Supprimer la décision {0}</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../ui/decisions/tab.py" line="101"/>
        <source>Every status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="102"/>
        <source>Still open (open or in progress)</source>
        <translation>Encore ouvertes (ouvertes ou en cours)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="160"/>
        <source>(no item)</source>
        <translation>(aucun point)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="180"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="183"/>
        <source>Add a decision, numbered after the year&apos;s last one (Ctrl+Enter or Ins)</source>
        <translation>Ajouter une décision, numérotée après la dernière de l&apos;année (Ctrl+Entrée ou Inser)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="185"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="189"/>
        <source>Delete the current decision (Del); can be undone</source>
        <translation>Supprimer la décision courante (Suppr) ; peut être annulé</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="201"/>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="203"/>
        <source>Owner:</source>
        <translation>Responsable :</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="209"/>
        <source>Ctrl+Enter or Ins: add · type or F2: edit · Del: delete</source>
        <translation>Ctrl+Entrée ou Inser : ajouter · taper ou F2 : modifier · Suppr : supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="306"/>
        <source>Every owner</source>
        <translation>Tous les responsables</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/tab.py" line="320"/>
        <source>History: choose a decision</source>
        <translation>Historique : choisissez une décision</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/decisions/tab.py" line="325"/>
        <source>History of decision {0} across meetings (%n meeting(s))</source>
        <translation>
            <numerusform>Historique de la décision {0} d&apos;une réunion à l&apos;autre (%n réunion)</numerusform>
            <numerusform>Historique de la décision {0} d&apos;une réunion à l&apos;autre (%n réunions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../ui/year/duplicates.py" line="131"/>
        <source>Possible duplicates in the roster</source>
        <translation>Doublons possibles dans l&apos;annuaire</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="149"/>
        <source>Keep the other one</source>
        <translation>Garder l&apos;autre</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="151"/>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/duplicates.py" line="183"/>
        <source>%n pair(s) of roster records may be the same person. Nothing is merged unless you choose a pair and confirm; a merge can be undone (Ctrl+Z).</source>
        <translation>
            <numerusform>%n paire de fiches de l&apos;annuaire désigne peut-être la même personne. Rien n&apos;est fusionné sans que vous choisissiez une paire et confirmiez ; une fusion peut être annulée (Ctrl+Z).</numerusform>
            <numerusform>%n paires de fiches de l&apos;annuaire désignent peut-être la même personne. Rien n&apos;est fusionné sans que vous choisissiez une paire et confirmiez ; une fusion peut être annulée (Ctrl+Z).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/duplicates.py" line="220"/>
        <source>On %n meeting list(s)</source>
        <translation>
            <numerusform>Sur %n liste de réunion</numerusform>
            <numerusform>Sur %n listes de réunion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/duplicates.py" line="222"/>
        <source>%n mention(s) in programmes and notes</source>
        <translation>
            <numerusform>%n mention dans les programmes et les notes</numerusform>
            <numerusform>%n mentions dans les programmes et les notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="236"/>
        <source>Kept</source>
        <translation>Gardée</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="237"/>
        <source>Merged into it, then removed</source>
        <translation>Fusionnée dans la première, puis retirée</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="251"/>
        <source>Merge « {1} » into « {0} »?

Every list, programme role and note of « {1} » moves to « {0} », whose empty fields are filled from « {1} »; then « {1} » leaves the roster.
You can undo it (Ctrl+Z).</source>
        <translation>Fusionner « {1} » dans « {0} » ?

Toutes les listes, tous les rôles au programme et toutes les notes de « {1} » passent à « {0} », dont les champs vides sont complétés par ceux de « {1} » ; puis « {1} » quitte l&apos;annuaire.
Vous pourrez l&apos;annuler (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="255"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="258"/>
        <source>Merge {0} into {1}</source>
        <translation>Fusionner {0} dans {1}</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../../ui/year/duplicates.py" line="79"/>
        <source>same email</source>
        <translation>même e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="80"/>
        <source>same name</source>
        <translation>même nom</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="81"/>
        <source>same name apart from accents or case</source>
        <translation>même nom aux accents ou majuscules près</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="82"/>
        <source>first and last names swapped</source>
        <translation>prénom et nom inversés</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="83"/>
        <source>same words, split differently</source>
        <translation>mêmes mots, coupés autrement</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="84"/>
        <source>initial of the first name</source>
        <translation>initiale du prénom</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="85"/>
        <source>similar first names</source>
        <translation>prénoms proches</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="86"/>
        <source>similar last names</source>
        <translation>noms proches</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="87"/>
        <source>same organisation, no name</source>
        <translation>même organisation, sans nom</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="88"/>
        <source>different organisations</source>
        <translation>organisations différentes</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="89"/>
        <source>same organisation</source>
        <translation>même organisation</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="94"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="94"/>
        <source>Merge into it</source>
        <translation>Fusionner dedans</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="94"/>
        <source>Likeness</source>
        <translation>Ressemblance</translation>
    </message>
    <message>
        <location filename="../../ui/year/duplicates.py" line="94"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <location filename="../../ui/export_action.py" line="82"/>
        <source>Export minutes…</source>
        <translation>Exporter le compte-rendu…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="85"/>
        <source>Export minutes as PDF…</source>
        <translation>Exporter le compte-rendu en PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="121"/>
        <source>Export as PDF needs LibreOffice, which is not installed on this computer.
Install it (free, from {0}) and try again, or export the minutes as a Word document instead.</source>
        <translation>L&apos;export en PDF a besoin de LibreOffice, qui n&apos;est pas installé sur cet ordinateur.
Installez-le (gratuit, depuis {0}) puis réessayez, ou exportez plutôt le compte-rendu en document Word.</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="141"/>
        <source>Export the minutes as PDF</source>
        <translation>Exporter le compte-rendu en PDF</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="141"/>
        <source>Export the minutes</source>
        <translation>Exporter le compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="143"/>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="143"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="169"/>
        <source>With the styles of « {0} », {1} part(s) of the minutes will not look like that file:

{2}</source>
        <translation>Avec les styles de « {0} », {1} élément(s) du compte-rendu ne ressembleront pas à ce fichier :

{2}</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="172"/>
        <source>Export anyway</source>
        <translation>Exporter quand même</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="185"/>
        <source>Writing the PDF (LibreOffice converts the Word document)…</source>
        <translation>Écriture du PDF (LibreOffice convertit le document Word)…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="187"/>
        <source>Writing the minutes…</source>
        <translation>Écriture du compte-rendu…</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="188"/>
        <source>The minutes are written:
{0}

Open them?</source>
        <translation>Le compte-rendu est écrit :
{0}

L&apos;ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../ui/export_action.py" line="189"/>
        <source>The minutes were not exported.</source>
        <translation>Le compte-rendu n&apos;a pas été exporté.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../ui/year/files.py" line="137"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/year/files.py" line="141"/>
        <source>No program on this computer is set to open {0} files, so it was not opened.
It is in {1}.</source>
        <translation>Aucun programme de cet ordinateur n&apos;est réglé pour ouvrir les fichiers {0} : il n&apos;a pas été ouvert.
Il se trouve dans {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/year/files.py" line="144"/>
        <source>Show the folder</source>
        <translation>Afficher le dossier</translation>
    </message>
    <message>
        <location filename="../../ui/year/files.py" line="148"/>
        <source>The folder cannot be shown either; it is {0}</source>
        <translation>Le dossier ne peut pas non plus être affiché ; c&apos;est {0}</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../ui/general_tab.py" line="105"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="113"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="115"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="117"/>
        <source>Group / body</source>
        <translation>Groupe / instance</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="118"/>
        <source>One line per line of the cover</source>
        <translation>Une ligne par ligne de la couverture</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="121"/>
        <source>The group or body that meets (e.g. a working group), printed on the cover under the organisation</source>
        <translation>Le groupe ou l&apos;instance qui se réunit (par ex. un groupe de travail), imprimé sur la couverture sous l&apos;organisation</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="126"/>
        <source>Document title</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="129"/>
        <source>Meeting title</source>
        <translation>Titre de la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="131"/>
        <source>When and where</source>
        <translation>Date et lieu</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="133"/>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="147"/>
        <source>Date, start, end, time zone</source>
        <translation>Date, début, fin, fuseau</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="149"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="149"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="149"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="152"/>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="155"/>
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="159"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="162"/>
        <source>Photo album link</source>
        <translation>Lien de l&apos;album photo</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="167"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="170"/>
        <source>Use the styles of a Word file</source>
        <translation>Utiliser les styles d&apos;un fichier Word</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="172"/>
        <source>Opening text</source>
        <translation>Texte d&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="175"/>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="176"/>
        <source>Co-organisers</source>
        <translation>Co-organisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="177"/>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <location filename="../../ui/general_tab.py" line="243"/>
        <source>Edit « {0} »</source>
        <translation>Modifier « {0} »</translation>
    </message>
</context>
<context>
    <name>Guard</name>
    <message>
        <location filename="../../ui/guard.py" line="44"/>
        <source>Something unexpected went wrong: {0}
Your data is stored; you can go on working.</source>
        <translation>Une erreur inattendue s&apos;est produite : {0}
Vos données sont enregistrées ; vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../../ui/guard.py" line="48"/>
        <source>Details are in {0}.</source>
        <translation>Les détails sont dans {0}.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/year/person_history.py" line="99"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="100"/>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="101"/>
        <source>On the list</source>
        <translation>Sur la liste</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="102"/>
        <source>In the programme</source>
        <translation>Au programme</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="103"/>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="108"/>
        <source>not on the list</source>
        <translation>pas sur la liste</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="119"/>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/year/import_columns.py" line="38"/>
        <source>In person / remote</source>
        <translation>Sur place / à distance</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_columns.py" line="39"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_columns.py" line="40"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_columns.py" line="41"/>
        <source>Represented by</source>
        <translation>Représenté·e par</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_columns.py" line="42"/>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_columns.py" line="43"/>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="85"/>
        <source>Import participants</source>
        <translation>Importer des participants</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="91"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="93"/>
        <source>Next: check the rows</source>
        <translation>Suivant : vérifier les lignes</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="96"/>
        <location filename="../../ui/year/import_people.py" line="302"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="98"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="107"/>
        <source>Into « {0} », from {1} ({2} rows)</source>
        <translation>Dans « {0} », depuis {1} ({2} lignes)</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="131"/>
        <source>(not imported)</source>
        <translation>(non importé)</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="149"/>
        <source>&lt;b&gt;Which column holds each field?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Quelle colonne contient chaque champ ?&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="155"/>
        <source>&lt;b&gt;The first rows of the file&lt;/b&gt; (line numbers as in the file)</source>
        <translation>&lt;b&gt;Les premières lignes du fichier&lt;/b&gt; (numéros de ligne du fichier)</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="178"/>
        <source>Choose the column of the first name, the last name or the organisation.</source>
        <translation>Choisissez la colonne du prénom, du nom ou de l&apos;organisation.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="180"/>
        <source>The column « {0} » is chosen for two fields.</source>
        <translation>La colonne « {0} » est choisie pour deux champs.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="182"/>
        <source>The columns chosen last time for a file like this one.</source>
        <translation>Les colonnes choisies la dernière fois pour un fichier comme celui-ci.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="184"/>
        <source>Columns guessed from the headers: check them.</source>
        <translation>Colonnes devinées d&apos;après les en-têtes : vérifiez-les.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="207"/>
        <source>Nothing has been written yet.</source>
        <translation>Rien n&apos;a encore été enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="211"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="224"/>
        <source>Lines {0} are in Windows-1252, the others in UTF-8: each line was read in its own encoding.</source>
        <translation>Les lignes {0} sont en Windows-1252, les autres en UTF-8 : chaque ligne a été lue dans son propre codage.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="238"/>
        <source>To add: &lt;b&gt;%n&lt;/b&gt;</source>
        <translation>
            <numerusform>À ajouter : &lt;b&gt;%n&lt;/b&gt;</numerusform>
            <numerusform>À ajouter : &lt;b&gt;%n&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="239"/>
        <source>to update: &lt;b&gt;%n&lt;/b&gt;</source>
        <translation>
            <numerusform>à mettre à jour : &lt;b&gt;%n&lt;/b&gt;</numerusform>
            <numerusform>à mettre à jour : &lt;b&gt;%n&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="240"/>
        <source>unchanged or repeated (skipped): %n</source>
        <translation>
            <numerusform>inchangée ou répétée (ignorée) : %n</numerusform>
            <numerusform>inchangées ou répétées (ignorées) : %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="247"/>
        <source>&lt;b&gt;%n&lt;/b&gt; bad row(s), left out: see their line and reason below.</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; ligne en erreur, laissée de côté : voir son numéro et la raison ci-dessous.</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; lignes en erreur, laissées de côté : voir leur numéro et la raison ci-dessous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="257"/>
        <source>All rows (%n)</source>
        <translation>
            <numerusform>Toutes les lignes (%n)</numerusform>
            <numerusform>Toutes les lignes (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="266"/>
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Importer %n ligne</numerusform>
            <numerusform>Importer %n lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="286"/>
        <source>Import into « {0} »: %n new person(s)</source>
        <translation>
            <numerusform>Importer dans « {0} » : %n nouvelle personne</numerusform>
            <numerusform>Importer dans « {0} » : %n nouvelles personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="287"/>
        <source>%n updated or put on the list.</source>
        <translation>
            <numerusform>%n mise à jour ou ajoutée à la liste.</numerusform>
            <numerusform>%n mises à jour ou ajoutées à la liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/import_people.py" line="290"/>
        <source>%n bad row(s) will be left out; fix them in the file and import it again to add them.</source>
        <translation>
            <numerusform>%n ligne en erreur sera laissée de côté ; corrigez-la dans le fichier et importez-le à nouveau pour l&apos;ajouter.</numerusform>
            <numerusform>%n lignes en erreur seront laissées de côté ; corrigez-les dans le fichier et importez-le à nouveau pour les ajouter.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="295"/>
        <source>The import cannot be undone (Ctrl+Z will not remove these people); it clears the undo history.</source>
        <translation>L&apos;import ne peut pas être annulé (Ctrl+Z ne retirera pas ces personnes) ; il vide l&apos;historique d&apos;annulation.</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_people.py" line="308"/>
        <location filename="../../ui/year/import_people.py" line="312"/>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Welcome</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Meal</source>
        <translation>Repas</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <location filename="../../ui/labels.py" line="108"/>
        <source>Debate</source>
        <translation>Débat</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <location filename="../../ui/labels.py" line="109"/>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Moderator</source>
        <translation>Animation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Final</source>
        <translation>Définitif</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>Invited</source>
        <translation>Invité</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Excused</source>
        <translation>Excusé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Invited</source>
        <comment>said of a woman</comment>
        <translation>Invitée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>Present</source>
        <comment>said of a woman</comment>
        <translation>Présente</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Excused</source>
        <comment>said of a woman</comment>
        <translation>Excusée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Absent</source>
        <comment>said of a woman</comment>
        <translation>Absente</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Remote</source>
        <translation>À distance</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Chair</source>
        <translation>Président·e</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Vice-chair</source>
        <translation>Vice-président·e</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Secretary</source>
        <translation>Secrétaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Guest</source>
        <translation>Invité·e</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89"/>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Dropped</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Minutes (compte-rendu, as 2023)</source>
        <translation>Compte-rendu (comme en 2023)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Formal minutes (procès-verbal)</source>
        <translation>Procès-verbal</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Record of decisions</source>
        <translation>Relevé de décisions</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="110"/>
        <source>Paragraph</source>
        <translation>Paragraphe</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="117"/>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="118"/>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="119"/>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>Older (deleted at the next backup)</source>
        <translation>Ancienne (supprimée à la prochaine sauvegarde)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>Before an upgrade</source>
        <translation>Avant une mise à jour</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>Set aside by a restore</source>
        <translation>Mise de côté par une restauration</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="132"/>
        <source>damaged</source>
        <translation>endommagée</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>not an SQLite file</source>
        <translation>pas un fichier SQLite</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="134"/>
        <source>not a Minutier database</source>
        <translation>pas une base de données Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="135"/>
        <source>written by a newer Minutier</source>
        <translation>écrite par une version plus récente de Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="136"/>
        <source>cannot be read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="147"/>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>the file is read-only</source>
        <translation>le fichier est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>its folder is read-only</source>
        <translation>son dossier est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="155"/>
        <source>{0} is read-only</source>
        <translation>{0} est en lecture seule</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../ui/live_refresh.py" line="76"/>
        <source>Cannot check for changes made elsewhere: {0}</source>
        <translation>Impossible de vérifier les modifications faites ailleurs : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/live_refresh.py" line="94"/>
        <source>The meeting you had open was deleted by another user.</source>
        <translation>La réunion que vous aviez ouverte a été supprimée par un autre utilisateur.</translation>
    </message>
    <message>
        <location filename="../../ui/live_refresh.py" line="112"/>
        <source>Another user changed this meeting; it will be updated when you leave this field.</source>
        <translation>Un autre utilisateur a modifié cette réunion ; elle sera mise à jour quand vous quitterez ce champ.</translation>
    </message>
    <message>
        <location filename="../../ui/live_refresh.py" line="117"/>
        <source>Updated with changes made by another user.</source>
        <translation>Mis à jour avec les modifications d&apos;un autre utilisateur.</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../../ui/logo_field.py" line="28"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="29"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="54"/>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="54"/>
        <source>(cannot show)</source>
        <translation>(affichage impossible)</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="59"/>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="59"/>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="68"/>
        <source>Cannot read {0}: {1}</source>
        <translation>Impossible de lire {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/logo_field.py" line="71"/>
        <source>{0} is not an image Minutier can use.</source>
        <translation>{0} n&apos;est pas une image que Minutier sait utiliser.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="57"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>Minutes</source>
        <translation>Compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>Lecture seule : les modifications ne peuvent pas être enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>All changes are saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>Saved at {0}</source>
        <translation>Enregistré à {0}</translation>
    </message>
</context>
<context>
    <name>MeetingsPanel</name>
    <message>
        <location filename="../../ui/meetings_panel.py" line="84"/>
        <location filename="../../ui/meetings_panel.py" line="157"/>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="87"/>
        <location filename="../../ui/meetings_panel.py" line="163"/>
        <source>Duplicate meeting</source>
        <translation>Dupliquer la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="90"/>
        <source>Delete meeting…</source>
        <translation>Supprimer la réunion…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="101"/>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="102"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="103"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="111"/>
        <source>&lt;b&gt;Meetings&lt;/b&gt;</source>
        <translation>&lt;b&gt;Réunions&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="172"/>
        <source>Delete the meeting “{0}” of {1}, with its programme, participants and report?
You can undo it (Ctrl+Z).</source>
        <translation>Supprimer la réunion « {0} » du {1}, avec son programme, ses participants et son compte-rendu ?
Vous pourrez l&apos;annuler (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="181"/>
        <source>Delete the meeting “{0}”</source>
        <translation>Supprimer la réunion « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/meetings_panel.py" line="175"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../ui/menus.py" line="48"/>
        <location filename="../../ui/menus.py" line="62"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="51"/>
        <location filename="../../ui/menus.py" line="69"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60"/>
        <source>Undo {0}</source>
        <translation>Annuler : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="67"/>
        <source>Redo {0}</source>
        <translation>Rétablir : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="77"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="93"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="97"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="106"/>
        <source>&amp;People</source>
        <translation>&amp;Personnes</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="112"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="120"/>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="130"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="131"/>
        <location filename="../../ui/menus.py" line="135"/>
        <source>About Minutier</source>
        <translation>À propos de Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="136"/>
        <source>Minutier — the editor for the minutes of yearly meetings.
Database: {0}</source>
        <translation>Minutier — l&apos;éditeur des comptes-rendus des réunions annuelles.
Base de données : {0}</translation>
    </message>
</context>
<context>
    <name>NewFromDialog</name>
    <message>
        <location filename="../../ui/year/new_from.py" line="50"/>
        <source>New meeting from…</source>
        <translation>Nouvelle réunion à partir de…</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="72"/>
        <source>Copy the objectives text</source>
        <translation>Copier le texte des objectifs</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="73"/>
        <source>Leave unticked when each year&apos;s objectives are written afresh.</source>
        <translation>Laissez décoché si les objectifs sont réécrits chaque année.</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="77"/>
        <source>Copied: organisation, body, venue, times, language, logo, introduction (with the date moved on), the programme with its moderators and speakers, and everyone who attended, as invited.
Left empty: the notes, the attendance marks and the conclusions.
The moderators and speakers are last year&apos;s: the comparison lists them to confirm.</source>
        <translation>Copiés : organisation, instance, lieu, horaires, langue, logo, introduction (avec la nouvelle date), le programme avec ses modérateurs et intervenants, et toutes les personnes présentes, comme invitées.
Laissés vides : les notes, les présences et les conclusions.
Les modérateurs et intervenants sont ceux de l&apos;an dernier : la comparaison les liste pour confirmation.</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="87"/>
        <source>From the meeting:</source>
        <translation>À partir de la réunion :</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="88"/>
        <source>New date:</source>
        <translation>Nouvelle date :</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="89"/>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="95"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="139"/>
        <source>The title still gives another date: {0}.</source>
        <translation>Le titre donne encore une autre date : {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="151"/>
        <source>There is already a meeting on {0}:
{1}

Create another one on that date?</source>
        <translation>Il y a déjà une réunion le {0} :
{1}

En créer une autre à cette date ?</translation>
    </message>
    <message>
        <location filename="../../ui/year/new_from.py" line="152"/>
        <source>Create another</source>
        <translation>En créer une autre</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <location filename="../../ui/report/terms.py" line="17"/>
        <source>speaker to be chosen</source>
        <translation>orateur à choisir</translation>
    </message>
    <message>
        <location filename="../../ui/report/terms.py" line="20"/>
        <source>{0} (online)</source>
        <translation>{0} (en ligne)</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../ui/report/outline_model.py" line="207"/>
        <source>(untitled section)</source>
        <translation>(section sans titre)</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_model.py" line="232"/>
        <source>Outline of the compte-rendu</source>
        <translation>Plan du compte-rendu</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <location filename="../../ui/participants/columns.py" line="42"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/participants/columns.py" line="43"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/participants/columns.py" line="44"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/participants/columns.py" line="45"/>
        <source>Represented by</source>
        <translation>Représenté·e par</translation>
    </message>
    <message>
        <location filename="../../ui/participants/columns.py" line="46"/>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <location filename="../../ui/participants/columns.py" line="47"/>
        <source>Departure</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="313"/>
        <source>(nobody)</source>
        <translation>(personne)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/table_model.py" line="334"/>
        <source>%n participants</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="344"/>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="349"/>
        <location filename="../../ui/participants/table_model.py" line="354"/>
        <source>Edit {0}</source>
        <translation>Modifier {0}</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="363"/>
        <source>Arrival at {0}: {1}</source>
        <translation>Arrivée à {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="365"/>
        <source>Departure at {0}: {1}</source>
        <translation>Départ à {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="373"/>
        <source>Add {0}</source>
        <translation>Ajouter {0}</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_model.py" line="381"/>
        <source>Remove {0}</source>
        <translation>Retirer {0}</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <location filename="../../ui/participants/tab.py" line="63"/>
        <source>Filter by name or organisation (Ctrl+F), then ↓ or Enter to reach the list</source>
        <translation>Filtrer par nom ou organisation (Ctrl+F), puis ↓ ou Entrée pour aller à la liste</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="76"/>
        <source>Every role</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="78"/>
        <location filename="../../ui/participants/table_setup.py" line="60"/>
        <source>(no role)</source>
        <translation>(sans rôle)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="79"/>
        <source>Show only the participants of one role</source>
        <translation>N&apos;afficher que les participant·e·s d&apos;un rôle</translation>
    </message>
    <message>
        <location filename="../../ui/participants/table_setup.py" line="54"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="124"/>
        <source>Present (P)</source>
        <translation>Présent (P)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="127"/>
        <source>Present on site (key P)</source>
        <translation>Présent sur place (touche P)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="130"/>
        <source>Remote (R)</source>
        <translation>À distance (D)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="133"/>
        <source>Present remotely (key R or D)</source>
        <translation>Présent à distance (touche D ou R)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="136"/>
        <source>Excused (E)</source>
        <translation>Excusé (E)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="136"/>
        <source>Excused (key E)</source>
        <translation>Excusé (touche E)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="138"/>
        <source>Absent (A)</source>
        <translation>Absent (A)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="138"/>
        <source>Absent (key A)</source>
        <translation>Absent (touche A)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="140"/>
        <source>Invited (I)</source>
        <translation>Invité(e) (I)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="143"/>
        <source>Back to “invited”, not marked yet (key I)</source>
        <translation>Retour à « invité(e) », pas encore marqué (touche I)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="147"/>
        <source>Arrived (L)</source>
        <translation>Arrivée (L)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="150"/>
        <source>Arrived late, now: writes the time and marks present (key L)</source>
        <translation>Arrivée en retard, maintenant : note l&apos;heure et marque présent·e (touche L)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="153"/>
        <source>Left (O)</source>
        <translation>Départ (O)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="156"/>
        <source>Left early, now: writes the time (key O)</source>
        <translation>Départ anticipé, maintenant : note l&apos;heure (touche O)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="159"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="162"/>
        <source>Add a participant (Ins)</source>
        <translation>Ajouter un participant (Inser)</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="165"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="168"/>
        <source>Remove the selected participants from the list (Del); can be undone</source>
        <translation>Retirer les participants sélectionnés de la liste (Suppr) — annulable</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="189"/>
        <source>Mark the selection:</source>
        <translation>Marquer la sélection :</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="196"/>
        <source>Esc: back to the filter</source>
        <translation>Échap : retour au filtre</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="360"/>
        <source>more than half</source>
        <translation>plus de la moitié</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="361"/>
        <source>two thirds</source>
        <translation>deux tiers</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="362"/>
        <source>at least %n</source>
        <translation>
            <numerusform>au moins %n</numerusform>
            <numerusform>au moins %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="364"/>
        <source>reached</source>
        <translation>atteint</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="366"/>
        <source>not reached</source>
        <translation>non atteint</translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="370"/>
        <source>Quorum ({0}): &lt;b&gt;{1}&lt;/b&gt; members present or represented out of {2}, {3} required: {4}</source>
        <translation>Quorum ({0}) : &lt;b&gt;{1}&lt;/b&gt; membres présents ou représentés sur {2}, {3} requis : {4}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="382"/>
        <source>Participants: &lt;b&gt;%n&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; participant</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="383"/>
        <source>Present: &lt;b&gt;%n&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; présent</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; présents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/participants/tab.py" line="385"/>
        <source>(on site {0}, remote {1})</source>
        <translation>({0} sur place, {1} à distance)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="386"/>
        <source>Excused: %n</source>
        <translation>
            <numerusform>%n excusé</numerusform>
            <numerusform>%n excusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="387"/>
        <source>Absent: %n</source>
        <translation>
            <numerusform>%n absent</numerusform>
            <numerusform>%n absents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="388"/>
        <source>Invited: %n</source>
        <translation>
            <numerusform>Invité(e) : %n</numerusform>
            <numerusform>Invité(e)s : %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/participants/tab.py" line="393"/>
        <source>Shown: &lt;b&gt;%n&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; affiché</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; affichés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/programme/people_model.py" line="65"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="61"/>
        <source>The word printed before the name in the document: Animateur, Animatrice…</source>
        <translation>Le mot imprimé devant le nom dans le document : Animateur, Animatrice…</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="66"/>
        <source>Printed label</source>
        <translation>Libellé
imprimé</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="67"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="68"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="69"/>
        <source>Remote</source>
        <translation>À distance</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="94"/>
        <source>In the roster.</source>
        <translation>Dans l&apos;annuaire.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="94"/>
        <source>Not linked to the roster.</source>
        <translation>Pas relié à l&apos;annuaire.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="106"/>
        <source>Choose person</source>
        <translation>Choisir la personne</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="109"/>
        <source>Change remote</source>
        <translation>Modifier « à distance »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="115"/>
        <source>Change speaker</source>
        <translation>Modifier l&apos;intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="143"/>
        <source>Add moderator</source>
        <translation>Ajouter une animation</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="143"/>
        <source>Add speaker</source>
        <translation>Ajouter un intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="160"/>
        <source>Remove “{0}”</source>
        <translation>Retirer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_model.py" line="177"/>
        <source>Move “{0}”</source>
        <translation>Déplacer « {0} »</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="64"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="65"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="66"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="72"/>
        <source>Name: type to search the roster, or a new name</source>
        <translation>Nom : tapez pour chercher dans l&apos;annuaire, ou un nouveau nom</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="74"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="77"/>
        <source>Add speaker</source>
        <translation>Ajouter un intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="78"/>
        <source>Add moderator</source>
        <translation>Ajouter une animation</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="113"/>
        <source>Select an item of the programme to see its moderators and speakers.</source>
        <translation>Choisissez un point du programme pour voir son animation et ses intervenants.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/people_panel.py" line="116"/>
        <source>&lt;b&gt;Moderators and speakers&lt;/b&gt; of “{0}”</source>
        <translation>&lt;b&gt;Animation et intervenants&lt;/b&gt; de « {0} »</translation>
    </message>
</context>
<context>
    <name>PersonHistoryDialog</name>
    <message>
        <location filename="../../ui/year/person_history.py" line="155"/>
        <source>Person history</source>
        <translation>Historique d&apos;une personne</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="158"/>
        <source>Find someone: name, function, organisation or email</source>
        <translation>Chercher une personne : nom, fonction, organisation ou e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="182"/>
        <source>Possible duplicates…</source>
        <translation>Doublons possibles…</translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="197"/>
        <source>Double-click a meeting to open it.</source>
        <translation>Double-cliquez sur une réunion pour l&apos;ouvrir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/person_history.py" line="227"/>
        <source>%n more: type to narrow</source>
        <translation>
            <numerusform>%n autre : précisez la recherche</numerusform>
            <numerusform>%n autres : précisez la recherche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/year/person_history.py" line="254"/>
        <source>Choose someone on the left.</source>
        <translation>Choisissez une personne à gauche.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/person_history.py" line="269"/>
        <source>On the list of %n meeting(s)</source>
        <translation>
            <numerusform>Sur la liste de %n réunion</numerusform>
            <numerusform>Sur la liste de %n réunions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/person_history.py" line="271"/>
        <source>present %n time(s)</source>
        <translation>
            <numerusform>%n présence</numerusform>
            <numerusform>%n présences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/person_history.py" line="273"/>
        <source>in the programme or the notes of %n</source>
        <translation>
            <numerusform>au programme ou dans les notes de %n</numerusform>
            <numerusform>au programme ou dans les notes de %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonLabels</name>
    <message>
        <location filename="../../ui/person_labels.py" line="21"/>
        <source>Title</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <location filename="../../ui/person_labels.py" line="22"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../ui/person_labels.py" line="23"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/person_labels.py" line="24"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/person_labels.py" line="25"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/person_labels.py" line="26"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../ui/year/import_plan.py" line="49"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="50"/>
        <source>Update</source>
        <translation>Mettre à jour</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="51"/>
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="52"/>
        <source>Bad row</source>
        <translation>Ligne en erreur</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="60"/>
        <source>no name and no organisation</source>
        <translation>ni nom ni organisation</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="61"/>
        <source>new person</source>
        <translation>nouvelle personne</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="62"/>
        <source>matched by email</source>
        <translation>reconnue par l&apos;e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="63"/>
        <source>matched by name and organisation</source>
        <translation>reconnue par le nom et l&apos;organisation</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="64"/>
        <source>matched by name</source>
        <translation>reconnue par le nom</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="65"/>
        <source>already on the list, nothing to change</source>
        <translation>déjà sur la liste, rien à changer</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="66"/>
        <source>already on the list</source>
        <translation>déjà sur la liste</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="73"/>
        <source>same person as line {0}</source>
        <translation>même personne qu&apos;à la ligne {0}</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="77"/>
        <source>{0} cells, the header has {1}</source>
        <translation>{0} cellules, l&apos;en-tête en a {1}</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="83"/>
        <source>{0}: {1} characters, at most {2} fit</source>
        <translation>{0} : {1} caractères, {2} au plus</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="89"/>
        <source>cell {0} holds a formula without its saved result: open and save the file in a spreadsheet, or paste the values</source>
        <translation>la cellule {0} contient une formule sans son résultat enregistré : ouvrez et enregistrez le fichier dans un tableur, ou collez les valeurs</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="98"/>
        <source>new person: « {0} » in the roster has another email ({1})</source>
        <translation>nouvelle personne : « {0} » dans l&apos;annuaire a un autre e-mail ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="127"/>
        <source>represented by « {0} »: nobody else on the list has that name; left out</source>
        <translation>représenté·e par « {0} » : personne d’autre sur la liste ne porte ce nom ; laissé de côté</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="129"/>
        <source>represented by « {0} »: several people on the list have that name; left out</source>
        <translation>représenté·e par « {0} » : plusieurs personnes de la liste portent ce nom ; laissé de côté</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="103"/>
        <source>role « {0} » is not a role</source>
        <translation>rôle « {0} » : ce n’est pas un rôle</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="110"/>
        <source>« {0} » is not an email address</source>
        <translation>« {0} » n&apos;est pas une adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="111"/>
        <source>mode « {0} » is neither in person nor remote</source>
        <translation>mode « {0} » : ni sur place ni à distance</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="112"/>
        <source>status « {0} » is not invited, present, excused or absent</source>
        <translation>statut « {0} » : ni invité, ni présent, ni excusé, ni absent</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="148"/>
        <source>{0}: « {1} » → « {2} »</source>
        <translation>{0} : « {1} » → « {2} »</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="150"/>
        <source>{0}: « {1} »</source>
        <translation>{0} : « {1} »</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="152"/>
        <source>joins the list</source>
        <translation>ajoutée à la liste</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="165"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="166"/>
        <source>What happens</source>
        <translation>Ce qui sera fait</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="167"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="168"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/year/import_plan.py" line="169"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>PreviewDock</name>
    <message>
        <location filename="../../ui/preview/dock.py" line="46"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../ui/preview/dock.py" line="58"/>
        <source>Show or hide the preview of the minutes (F9)</source>
        <translation>Afficher ou masquer l&apos;aperçu du compte-rendu (F9)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview/pane.py" line="58"/>
        <source>Language of the document</source>
        <translation>Langue du document</translation>
    </message>
    <message>
        <location filename="../../ui/preview/pane.py" line="59"/>
        <source>Meeting&apos;s language</source>
        <translation>Langue de la réunion</translation>
    </message>
    <message>
        <location filename="../../ui/preview/pane.py" line="64"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <location filename="../../ui/programme/rows.py" line="64"/>
        <source>Ends before it starts.</source>
        <translation>Finit avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../ui/programme/rows.py" line="67"/>
        <source>Overlaps “{0}”, which ends at {1}.</source>
        <translation>Chevauche « {0} », qui finit à {1}.</translation>
    </message>
</context>
<context>
    <name>ProgrammeModel</name>
    <message>
        <location filename="../../ui/programme/model.py" line="125"/>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="125"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="125"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="125"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="125"/>
        <source>Debate</source>
        <translation>Débat</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="183"/>
        <source>Change débat</source>
        <translation>Modifier « débat »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="193"/>
        <source>Change times</source>
        <translation>Modifier l&apos;horaire</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="195"/>
        <source>Change title</source>
        <translation>Modifier le titre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="197"/>
        <source>Change kind</source>
        <translation>Modifier le type</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="199"/>
        <source>Change format</source>
        <translation>Modifier le format</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="231"/>
        <source>New item</source>
        <translation>Nouveau point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="237"/>
        <source>Add item</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="257"/>
        <source>Add sub-topic</source>
        <translation>Ajouter un sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="259"/>
        <source>New sub-topic</source>
        <translation>Nouveau sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="271"/>
        <source>Delete “{0}”</source>
        <translation>Supprimer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/programme/model.py" line="298"/>
        <source>Move “{0}”</source>
        <translation>Déplacer « {0} »</translation>
    </message>
</context>
<context>
    <name>ProgrammeTab</name>
    <message>
        <location filename="../../ui/programme/tab.py" line="73"/>
        <source>Add item</source>
        <translation>Ajouter un point</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="75"/>
        <source>Add sub-topic</source>
        <translation>Ajouter un sous-thème</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="77"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="78"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="79"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/programme/tab.py" line="175"/>
        <source>Select the item that gets the sub-topic.</source>
        <translation>Choisissez le point qui reçoit le sous-thème.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/programme/tab.py" line="219"/>
        <source>⚠ %n item(s) with a time problem: hover the red times to see why.</source>
        <translation>
            <numerusform>⚠ %n point a un problème d&apos;horaire : survolez l&apos;horaire en rouge pour voir pourquoi.</numerusform>
            <numerusform>⚠ %n points ont un problème d&apos;horaire : survolez les horaires en rouge pour voir pourquoi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../../ui/report/tab.py" line="76"/>
        <source>Choose a section or a block in the outline, or add one.</source>
        <translation>Choisissez une section ou un bloc dans le plan, ou ajoutez-en.</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="58"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="60"/>
        <source>Add a section after the chosen one</source>
        <translation>Ajouter une section après celle choisie</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="64"/>
        <source>Sub-section</source>
        <translation>Sous-section</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="66"/>
        <source>Add a sub-section to the chosen section</source>
        <translation>Ajouter une sous-section à la section choisie</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="74"/>
        <source>Add a « {0} » block to the chosen section</source>
        <translation>Ajouter un bloc « {0} » à la section choisie</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="82"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="85"/>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="89"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="92"/>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="96"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="99"/>
        <source>Delete (Del); can be undone</source>
        <translation>Supprimer (Suppr) — annulable</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="103"/>
        <location filename="../../ui/report/tab.py" line="375"/>
        <source>Create sections from the programme</source>
        <translation>Créer les sections depuis le programme</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="105"/>
        <source>One section for each programme item that has none yet, with its interventions</source>
        <translation>Une section par séance du programme qui n&apos;en a pas encore, avec ses interventions</translation>
    </message>
    <message>
        <location filename="../../ui/report/outline_tools.py" line="114"/>
        <source>Add: </source>
        <translation>Ajouter : </translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="269"/>
        <source>New section</source>
        <translation>Nouvelle section</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="272"/>
        <source>Add a section</source>
        <translation>Ajouter une section</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="296"/>
        <source>Add « {0} »</source>
        <translation>Ajouter « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="309"/>
        <source>Delete « {0} »</source>
        <translation>Supprimer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="343"/>
        <source>Move « {0} »</source>
        <translation>Déplacer « {0} »</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="356"/>
        <source>Edit the section</source>
        <translation>Modifier la section</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="360"/>
        <source>Edit the block</source>
        <translation>Modifier le bloc</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="364"/>
        <source>Edit the text</source>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <location filename="../../ui/report/tab.py" line="380"/>
        <source>Every programme item already has its section.</source>
        <translation>Chaque séance du programme a déjà sa section.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/safety.py" line="66"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="76"/>
        <source>Backups of {0}, newest first. Restoring one replaces the current data by it; the current file is kept aside in {1}, nothing is deleted.</source>
        <translation>Sauvegardes de {0}, de la plus récente à la plus ancienne. En restaurer une remplace les données actuelles par les siennes ; le fichier actuel est mis de côté dans {1}, rien n&apos;est supprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="87"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="87"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="87"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="87"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="96"/>
        <source>Passes the check</source>
        <translation>Vérification réussie</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="98"/>
        <source>Fails: {0}</source>
        <translation>Échec : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="112"/>
        <source>There are no backups yet in {0}.</source>
        <translation>Il n&apos;y a encore aucune sauvegarde dans {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="119"/>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
</context>
<context>
    <name>RichTextEdit</name>
    <message>
        <location filename="../../ui/richtext.py" line="176"/>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="177"/>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="179"/>
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="182"/>
        <source>Numbered list</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="186"/>
        <source>Link…</source>
        <translation>Lien…</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="251"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../ui/richtext.py" line="251"/>
        <source>Address (URL):</source>
        <translation>Adresse (URL) :</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../ui/safety.py" line="183"/>
        <source>Restore from backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="212"/>
        <source>This database is read-only: {0}. Changes cannot be saved.</source>
        <translation>Cette base de données est en lecture seule : {0}. Les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="219"/>
        <source>To edit it, copy the file (with its -wal and -shm, if any) to a writable folder.</source>
        <translation>Pour la modifier, copiez le fichier (avec ses -wal et -shm, s&apos;il y en a) dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="228"/>
        <source>No backup today: {0}</source>
        <translation>Pas de sauvegarde aujourd&apos;hui : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="267"/>
        <source>This was changed elsewhere (in another window or program) since you opened it; the window has been reloaded with the current version.</source>
        <translation>Ceci a été modifié ailleurs (dans une autre fenêtre ou un autre programme) depuis que vous l&apos;avez ouvert ; la fenêtre a été rechargée avec la version actuelle.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="274"/>
        <source>What you typed was not saved. It is in the clipboard, to paste where it belongs:</source>
        <translation>Ce que vous avez tapé n&apos;a pas été enregistré. Il est dans le presse-papiers, à recoller où il faut :</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="299"/>
        <source>Replace the current data by the backup of {0}?
What is in the file now is kept aside in {1}; nothing is deleted.</source>
        <translation>Remplacer les données actuelles par la sauvegarde du {0} ?
Le contenu actuel du fichier est mis de côté dans {1} ; rien n&apos;est supprimé.</translation>
    </message>
    <message>
        <location filename="../../ui/safety.py" line="302"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="67"/>
        <source>The database cannot be opened again: {0}</source>
        <translation>La base de données ne peut pas être rouverte : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="45"/>
        <source>The backup was not restored: {0}</source>
        <translation>La sauvegarde n&apos;a pas été restaurée : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="47"/>
        <source>The previous file is kept as {0}.</source>
        <translation>Le fichier précédent est conservé sous {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/restoring.py" line="46"/>
        <source>The backup of {0} is restored.</source>
        <translation>La sauvegarde du {0} est restaurée.</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../ui/year/search.py" line="208"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <location filename="../../ui/year/search.py" line="64"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="65"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="66"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="67"/>
        <source>Compte-rendu</source>
        <translation>Compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="68"/>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="75"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="76"/>
        <source>venue</source>
        <translation>lieu</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="77"/>
        <source>body</source>
        <translation>instance</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="78"/>
        <source>introduction</source>
        <translation>introduction</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="79"/>
        <source>co-organisers</source>
        <translation>co-organisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="80"/>
        <source>objectives</source>
        <translation>objectifs</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="74"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="81"/>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="82"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="83"/>
        <source>speaker</source>
        <translation>intervenant</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="84"/>
        <source>subtitle</source>
        <translation>sous-titre</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="85"/>
        <source>question</source>
        <translation>question</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="86"/>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="87"/>
        <source>owner</source>
        <translation>responsable</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="88"/>
        <source>follow-up</source>
        <translation>suivi</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="94"/>
        <source>On the roster, on no meeting&apos;s list</source>
        <translation>Dans l&apos;annuaire, sur aucune liste de réunion</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="104"/>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="104"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="104"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/year/search.py" line="139"/>
        <source>Search all meetings: people, organisations, programme, notes</source>
        <translation>Chercher dans toutes les réunions : personnes, organisations, programme, notes</translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="178"/>
        <source>Nothing found.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/search.py" line="180"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/year/search.py" line="180"/>
        <source>in %n place(s)</source>
        <translation>
            <numerusform>dans %n rubrique</numerusform>
            <numerusform>dans %n rubriques</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/year/search.py" line="182"/>
        <source>(the first {0} shown: add a word to narrow)</source>
        <translation>(les {0} premiers affichés : ajoutez un mot pour préciser)</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../ui/report/section_editor.py" line="27"/>
        <source>The programme link is used by « Create sections from the programme »: an item already linked is not created again.</source>
        <translation>Le lien au programme sert à « Créer les sections depuis le programme » : une séance déjà liée n&apos;est pas recréée.</translation>
    </message>
    <message>
        <location filename="../../ui/report/section_editor.py" line="34"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/report/section_editor.py" line="35"/>
        <source>Programme item</source>
        <translation>Séance du programme</translation>
    </message>
    <message>
        <location filename="../../ui/report/section_editor.py" line="49"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../ui/report/section_editor.py" line="59"/>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <location filename="../../ui/report/section_editor.py" line="59"/>
        <source>Section</source>
        <translation>Section</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/committee_settings.py" line="59"/>
        <source>Document settings</source>
        <translation>Réglages du document</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="66"/>
        <source>Number the agenda (1., 2., 2.1) in the programme and the report</source>
        <translation>Numéroter l&apos;ordre du jour (1., 2., 2.1) dans le programme et le compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="71"/>
        <source>No quorum</source>
        <translation>Pas de quorum</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="72"/>
        <source>More than half of the members</source>
        <translation>Plus de la moitié des membres</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="73"/>
        <source>At least two thirds of the members</source>
        <translation>Au moins deux tiers des membres</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="74"/>
        <source>A number of members</source>
        <translation>Un nombre de membres</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="90"/>
        <source>Present (in person and remote)</source>
        <translation>Présent·e·s (sur place et à distance)</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="91"/>
        <source>Excused</source>
        <translation>Excusé·e·s</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="92"/>
        <source>Absent</source>
        <translation>Absent·e·s</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="93"/>
        <source>Guests</source>
        <translation>Invité·e·s</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="94"/>
        <source>Title</source>
        <translation>Civilité</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="95"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="96"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="106"/>
        <source>After the report</source>
        <translation>Après le compte-rendu des débats</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="107"/>
        <source>After the programme</source>
        <translation>Après le programme</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="108"/>
        <source>At the end, after the participants</source>
        <translation>À la fin, après les participants</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="114"/>
        <source>Kind of document</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="119"/>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="123"/>
        <source>Lists printed</source>
        <translation>Listes imprimées</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="127"/>
        <source>Columns beside the names</source>
        <translation>Colonnes à côté des noms</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="128"/>
        <source>Decisions printed</source>
        <translation>Décisions imprimées</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="129"/>
        <source>Captions</source>
        <translation>Intitulés</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="145"/>
        <source>As printed</source>
        <translation>Tel qu&apos;imprimé</translation>
    </message>
    <message>
        <location filename="../../ui/committee_settings.py" line="145"/>
        <source>Printed instead</source>
        <translation>Imprimer à la place</translation>
    </message>
</context>
<context>
    <name>SpeakerCombo</name>
    <message>
        <location filename="../../ui/report/speaker_combo.py" line="26"/>
        <source>Choose a participant or type a name</source>
        <translation>Choisir un participant ou taper un nom</translation>
    </message>
</context>
<context>
    <name>TabSlot</name>
    <message>
        <location filename="../../ui/tab_slots.py" line="43"/>
        <source>This tab is not available in this version.</source>
        <translation>Cet onglet n&apos;est pas disponible dans cette version.</translation>
    </message>
</context>
<context>
    <name>TemplateSetting</name>
    <message>
        <location filename="../../ui/template_setting.py" line="53"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="54"/>
        <location filename="../../ui/template_setting.py" line="118"/>
        <source>Use Minutier&apos;s styles</source>
        <translation>Styles de Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="59"/>
        <source>The export takes fonts, sizes, colours, spacing, page size, margins, header, footer and table style from this Word file; the text stays the meeting&apos;s.</source>
        <translation>L&apos;export reprend de ce fichier Word les polices, tailles, couleurs, espacements, format de page, marges, en-tête, pied de page et style de tableau ; le texte reste celui de la réunion.</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="89"/>
        <source>None: Minutier&apos;s own styles</source>
        <translation>Aucun : les styles de Minutier</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="95"/>
        <source>Choose the Word file whose styles to use</source>
        <translation>Choisir le fichier Word dont reprendre les styles</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="95"/>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/template_setting.py" line="111"/>
        <source>Use the styles of {0}</source>
        <translation>Utiliser les styles de {0}</translation>
    </message>
</context>
<context>
    <name>TimeDelegate</name>
    <message>
        <location filename="../../ui/programme/delegates.py" line="128"/>
        <source>10h30-11h45</source>
        <translation>10h30-11h45</translation>
    </message>
</context>
<context>
    <name>Times</name>
    <message>
        <location filename="../../ui/times.py" line="35"/>
        <source>“{0}” is not a time: type it like 10h30, 10:30 or 10 h 30.</source>
        <translation>« {0} » n&apos;est pas une heure : tapez-la ainsi : 10h30, 10:30 ou 10 h 30.</translation>
    </message>
    <message>
        <location filename="../../ui/times.py" line="43"/>
        <source>“{0}”: write the minutes with two digits, as in 9h30.</source>
        <translation>« {0} » : écrivez les minutes avec deux chiffres, comme 9h30.</translation>
    </message>
    <message>
        <location filename="../../ui/times.py" line="50"/>
        <source>“{0}”: the hour must be between 0 and 23.</source>
        <translation>« {0} » : l&apos;heure doit être entre 0 et 23.</translation>
    </message>
    <message>
        <location filename="../../ui/times.py" line="54"/>
        <source>“{0}”: the minutes must be between 00 and 59.</source>
        <translation>« {0} » : les minutes doivent être entre 00 et 59.</translation>
    </message>
    <message>
        <location filename="../../ui/times.py" line="66"/>
        <source>“{0}”: the start time is missing.</source>
        <translation>« {0} » : l&apos;heure de début manque.</translation>
    </message>
</context>
<context>
    <name>WordImport</name>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="184"/>
        <source>Import a Word compte-rendu…</source>
        <translation>Importer un compte-rendu Word…</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="193"/>
        <source>Import a Word compte-rendu</source>
        <translation>Importer un compte-rendu Word</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="195"/>
        <source>Word documents (*.docx);;All files (*)</source>
        <translation>Documents Word (*.docx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="208"/>
        <source>The file cannot be imported.</source>
        <translation>Le fichier ne peut pas être importé.</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="220"/>
        <source>The Word compte-rendu was imported as a new meeting.</source>
        <translation>Le compte-rendu Word a été importé comme nouvelle réunion.</translation>
    </message>
</context>
<context>
    <name>WordImportDialog</name>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="92"/>
        <location filename="../../ui/word_import_dialog.py" line="164"/>
        <source>Import a Word compte-rendu</source>
        <translation>Importer un compte-rendu Word</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="94"/>
        <source>What {0} was read as. Nothing is written before you press Import.</source>
        <translation>Ce qui a été lu dans {0}. Rien n&apos;est enregistré avant que vous appuyiez sur Importer.</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="102"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="113"/>
        <source>Header fields</source>
        <translation>Champs de l&apos;en-tête</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="114"/>
        <source>Programme items</source>
        <translation>Points du programme</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="115"/>
        <source>Sub-topics</source>
        <translation>Sous-thèmes</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="116"/>
        <source>Moderators and speakers</source>
        <translation>Animateurs et intervenants</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="117"/>
        <source>Report sections</source>
        <translation>Sections du compte-rendu</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="118"/>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="119"/>
        <source>Debates</source>
        <translation>Débats</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="120"/>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="121"/>
        <source>Plain paragraph blocks</source>
        <translation>Blocs de texte simple</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="122"/>
        <source>Participants in person</source>
        <translation>Participants en présentiel</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="123"/>
        <source>Participants remote</source>
        <translation>Participants à distance</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="124"/>
        <source>Unrecognised paragraphs (kept as plain blocks)</source>
        <translation>Paragraphes non reconnus (gardés en texte simple)</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="126"/>
        <source>Language: {0}</source>
        <translation>Langue : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="128"/>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="131"/>
        <source>Participants found in the roster: {0}; new people: {1}</source>
        <translation>Participants trouvés dans l&apos;annuaire : {0} ; nouvelles personnes : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="138"/>
        <source>Already a meeting on {0}: {1}</source>
        <translation>Déjà une réunion le {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="140"/>
        <source>Not found: {0}</source>
        <translation>Introuvable : {0}</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="143"/>
        <source>Kept as plain blocks:</source>
        <translation>Gardés en texte simple :</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="158"/>
        <source>There is already a meeting on {0}:
{1}

Import it as another one on that date?</source>
        <translation>Il y a déjà une réunion le {0} :
{1}

L&apos;importer comme une autre à cette date ?</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="159"/>
        <source>Import anyway</source>
        <translation>Importer quand même</translation>
    </message>
    <message>
        <location filename="../../ui/word_import_dialog.py" line="174"/>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
</context>
<context>
    <name>YearActions</name>
    <message>
        <location filename="../../ui/year/actions.py" line="93"/>
        <source>New meeting from…</source>
        <translation>Nouvelle réunion à partir de…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="94"/>
        <source>Next year&apos;s meeting built from this one</source>
        <translation>La réunion de l&apos;an prochain, construite à partir de celle-ci</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="95"/>
        <source>Compare with an earlier meeting…</source>
        <translation>Comparer avec une réunion précédente…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="96"/>
        <source>Import participants…</source>
        <translation>Importer des participants…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="97"/>
        <source>Export participants…</source>
        <translation>Exporter les participants…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="98"/>
        <source>Sign-in sheet…</source>
        <translation>Feuille d&apos;émargement…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="99"/>
        <source>Person history…</source>
        <translation>Historique d&apos;une personne…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="100"/>
        <source>Find duplicates…</source>
        <translation>Chercher les doublons…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="101"/>
        <source>Search all meetings…</source>
        <translation>Chercher dans toutes les réunions…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="181"/>
        <source>The meeting was not created.</source>
        <translation>La réunion n&apos;a pas été créée.</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="172"/>
        <source>The new meeting is created and open.

Compare it with the meeting it comes from: who attended and is not invited yet, and the moderators, speakers and texts to confirm?</source>
        <translation>La nouvelle réunion est créée et ouverte.

La comparer avec la réunion d&apos;origine : qui était présent et n&apos;est pas encore invité, et les modérateurs, intervenants et textes à confirmer ?</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="166"/>
        <source>New meeting from {0}</source>
        <translation>Nouvelle réunion à partir de {0}</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="176"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="268"/>
        <source>Import participants</source>
        <translation>Importer des participants</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="270"/>
        <source>Participant lists (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Listes de participants (*.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="277"/>
        <location filename="../../ui/year/actions.py" line="280"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="296"/>
        <source>Imported: {0} added, {1} updated, {2} skipped, {3} bad rows left out.</source>
        <translation>Import terminé : {0} ajoutées, {1} mises à jour, {2} ignorées, {3} lignes en erreur laissées de côté.</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="313"/>
        <source>Export participants</source>
        <translation>Exporter les participants</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="314"/>
        <source>participants</source>
        <translation>participants</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="315"/>
        <source>CSV for Excel (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV pour Excel (*.csv);;Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="328"/>
        <source>Writing the participant list…</source>
        <translation>Écriture de la liste des participants…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="329"/>
        <source>The participant list is written:
{0}

Open it?</source>
        <translation>La liste des participants est enregistrée :
{0}

L&apos;ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="330"/>
        <source>The participant list was not written.</source>
        <translation>La liste des participants n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="339"/>
        <source>Word document, A4 upright (*.docx)</source>
        <translation>Document Word, A4 portrait (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="340"/>
        <source>Word document, A4 landscape (*.docx)</source>
        <translation>Document Word, A4 paysage (*.docx)</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="344"/>
        <source>Sign-in sheet</source>
        <translation>Feuille d&apos;émargement</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="345"/>
        <source>sign-in sheet</source>
        <translation>feuille d&apos;émargement</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="358"/>
        <source>Writing the sign-in sheet…</source>
        <translation>Écriture de la feuille d&apos;émargement…</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="359"/>
        <source>The sign-in sheet is written:
{0}

Open it?</source>
        <translation>La feuille d&apos;émargement est enregistrée :
{0}

L&apos;ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../ui/year/actions.py" line="360"/>
        <source>The sign-in sheet was not written.</source>
        <translation>La feuille d&apos;émargement n&apos;a pas été enregistrée.</translation>
    </message>
</context>
</TS>
