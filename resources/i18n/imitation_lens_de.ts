<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BatchFlow</name>
    <message>
        <source>A batch is already running. Pause or cancel it first.</source>
        <translation>Es läuft schon ein Stapel. Pausieren Sie ihn zuerst oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) first.</source>
        <translation>Halten Sie zuerst die Antworten an, die gerade geschrieben werden (Esc).</translation>
    </message>
    <message>
        <source>The batch could not be started</source>
        <translation>Der Stapel konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>The batch is being set up; press Esc again in a moment to pause it.</source>
        <translation>Der Stapel wird eingerichtet; drücken Sie gleich noch einmal Esc, um ihn zu pausieren.</translation>
    </message>
    <message>
        <source>The batch is pausing…</source>
        <translation>Der Stapel wird pausiert…</translation>
    </message>
    <message>
        <source>The batch is cancelling…</source>
        <translation>Der Stapel wird abgebrochen…</translation>
    </message>
    <message>
        <source>Batch paused (Esc). Press Resume in the batch bar to go on where it stopped; the answer being written starts again then.</source>
        <translation>Stapel pausiert (Esc). Drücken Sie in der Stapel-Leiste auf Fortsetzen, um dort weiterzumachen, wo er stehen blieb; die Antwort, die gerade geschrieben wurde, beginnt dann von vorn.</translation>
    </message>
    <message>
        <source>Every item that has its answers is judged.</source>
        <translation>Alle Einträge mit fertigen Antworten sind bewertet.</translation>
    </message>
</context>
<context>
    <name>BatchMenu</name>
    <message>
        <source>&amp;Prompt sets…</source>
        <translation>&amp;Fragensätze…</translation>
    </message>
    <message>
        <source>&amp;Pause batch</source>
        <translation>Stapel &amp;pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume batch</source>
        <translation>Stapel fort&amp;setzen</translation>
    </message>
    <message>
        <source>&amp;Cancel batch…</source>
        <translation>Stapel &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Retry &amp;failed answers</source>
        <translation>Fehlgeschlagene Antworten &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Next unjudged item</source>
        <translation>&amp;Nächster unbewerteter Eintrag</translation>
    </message>
    <message>
        <source>Cancel the batch “{name}”? The questions not asked yet are removed; every answer already written is kept.</source>
        <translation>Den Stapel „{name}“ abbrechen? Die noch nicht gestellten Fragen werden entfernt; jede schon geschriebene Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Running slower</source>
        <translation>Läuft langsamer</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>Wird pausiert…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>The batch run: progress, time left, judging, controls</source>
        <translation>Der laufende Stapel: Fortschritt, verbleibende Zeit, Bewertung, Bedienung</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt des Stapels</translation>
    </message>
    <message>
        <source>Batch details</source>
        <translation>Einzelheiten zum Stapel</translation>
    </message>
    <message>
        <source>Judging progress</source>
        <translation>Fortschritt der Bewertung</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause the batch: the answer being written starts again when you resume</source>
        <translation>Den Stapel pausieren: Die Antwort, die gerade geschrieben wird, beginnt beim Fortsetzen von vorn</translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>End the batch; questions not yet asked are removed, answers written are kept</source>
        <translation>Den Stapel beenden; noch nicht gestellte Fragen werden entfernt, geschriebene Antworten bleiben erhalten</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Ask again the answers that failed</source>
        <translation>Die fehlgeschlagenen Antworten noch einmal anfordern</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Mitverfolgen</translation>
    </message>
    <message>
        <source>Show the question being answered now</source>
        <translation>Die Frage zeigen, die gerade beantwortet wird</translation>
    </message>
    <message>
        <source>Next unjudged  ({key})</source>
        <translation>Nächster unbewerteter  ({key})</translation>
    </message>
    <message>
        <source>Go to the next item you have not judged</source>
        <translation>Zum nächsten Eintrag gehen, den Sie noch nicht bewertet haben</translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s) still to answer. Press Resume to go on where it stopped.</source>
        <translation>
            <numerusform>%Ln Frage ist noch zu beantworten. Drücken Sie Fortsetzen, um dort weiterzumachen, wo der Stapel stehen blieb.</numerusform>
            <numerusform>%Ln Fragen sind noch zu beantworten. Drücken Sie Fortsetzen, um dort weiterzumachen, wo der Stapel stehen blieb.</numerusform>
        </translation>
    </message>
    <message>
        <source>{speed} tokens/s in all</source>
        <translation>insgesamt {speed} Tokens/s</translation>
    </message>
    <message>
        <source>{role} {speed} tokens/s</source>
        <translation>{role} {speed} Tokens/s</translation>
    </message>
    <message>
        <source>&lt;b&gt;Batch: {name}&lt;/b&gt; — {state}</source>
        <translation>&lt;b&gt;Stapel: {name}&lt;/b&gt; — {state}</translation>
    </message>
    <message>
        <source>{answered} of {total} answered</source>
        <translation>{answered} von {total} beantwortet</translation>
    </message>
    <message>
        <source>{answered} of {total} questions answered</source>
        <translation>{answered} von {total} Fragen beantwortet</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln failed</source>
        <translation>
            <numerusform>Fehlgeschlagene wiederholen (%Ln)</numerusform>
            <numerusform>Fehlgeschlagene wiederholen (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchWatch</name>
    <message>
        <source>Another window or the command line runs this batch; this window follows it.</source>
        <translation>Ein anderes Fenster oder die Kommandozeile führt diesen Stapel aus; dieses Fenster verfolgt ihn mit.</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <source>(not in the file)</source>
        <translation>(nicht in der Datei)</translation>
    </message>
    <message>
        <source>Which field is the question? — {file}</source>
        <translation>Welches Feld ist die Frage? — {file}</translation>
    </message>
    <message>
        <source>Imitation Lens does not know the fields of {file}. Choose which field holds the question and, if the file has them, the right answer and other accepted answers. The first rows of the file are shown below.</source>
        <translation>Imitation Lens kennt die Felder von {file} nicht. Wählen Sie, welches Feld die Frage enthält und, falls die Datei sie hat, die richtige Antwort und weitere akzeptierte Antworten. Unten sehen Sie die ersten Zeilen der Datei.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>Also accepted</source>
        <translation>Auch akzeptiert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>When “Also accepted” is one text, what stands between the answers (| ; or ,)</source>
        <translation>Wenn „Auch akzeptiert“ ein einziger Text ist: was zwischen den Antworten steht (| ; oder ,)</translation>
    </message>
    <message>
        <source>Separator of accepted answers</source>
        <translation>Trennzeichen der akzeptierten Antworten</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>Die ersten Zeilen der Datei</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>FileOpening</name>
    <message>
        <source>{file} could not be opened as a session: {reason}</source>
        <translation>{file} konnte nicht als Sitzung geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>It was not imported</source>
        <translation>Sie wurde nicht importiert</translation>
    </message>
    <message>
        <source>Opened “{title}”: everything in {file} was already here.</source>
        <translation>„{title}“ geöffnet: Alles aus {file} war schon da.</translation>
    </message>
    <message>
        <source>Imported “{title}” from {evaluator} ({file}): {items}, {marks}, {verdicts}.</source>
        <translation>„{title}“ von {evaluator} importiert ({file}): {items}, {marks}, {verdicts}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new item(s)</source>
        <translation>
            <numerusform>%Ln neuer Eintrag</numerusform>
            <numerusform>%Ln neue Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new mark(s)</source>
        <translation>
            <numerusform>%Ln neue Markierung</numerusform>
            <numerusform>%Ln neue Markierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new verdict(s)</source>
        <translation>
            <numerusform>%Ln neues Urteil</numerusform>
            <numerusform>%Ln neue Urteile</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImitatorWorkshop</name>
    <message>
        <source>Stopped; nothing was kept.</source>
        <translation>Angehalten; nichts davon wurde behalten.</translation>
    </message>
    <message>
        <source>Put it in the Imitator column</source>
        <translation>In die Imitator-Spalte setzen</translation>
    </message>
    <message>
        <source>Make an imitator</source>
        <translation>Einen Imitator erstellen</translation>
    </message>
    <message>
        <source>What training will take</source>
        <translation>Was das Training brauchen wird</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Stop the training; nothing of it is kept</source>
        <translation>Das Training anhalten; nichts davon wird behalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Die Antworten werden gelesen…</translation>
    </message>
    <message>
        <source>No session is open yet: ask the teacher some questions.</source>
        <translation>Es ist noch keine Sitzung offen: Stellen Sie dem Lehrer einige Fragen.</translation>
    </message>
    <message>
        <source>Choose a file of teacher answers.</source>
        <translation>Wählen Sie eine Datei mit Lehrer-Antworten.</translation>
    </message>
    <message>
        <source>The answers could not be read</source>
        <translation>Die Antworten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Checking what training will take…</source>
        <translation>Es wird geprüft, was das Training brauchen wird…</translation>
    </message>
    <message>
        <source>The plan could not be checked</source>
        <translation>Der Plan konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Adding it to your library…</source>
        <translation>Wird Ihrer Bibliothek hinzugefügt…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Added to your library: {title}</source>
        <translation>Ihrer Bibliothek hinzugefügt: {title}</translation>
    </message>
    <message>
        <source>The imitator was made ({path}) but not added to your library. {why} You can add the file yourself in Models ▸ Model library.</source>
        <translation>Der Imitator wurde erstellt ({path}), aber nicht Ihrer Bibliothek hinzugefügt. {why} Sie können die Datei selbst unter Modelle ▸ Modellbibliothek hinzufügen.</translation>
    </message>
    <message>
        <source>It was not added</source>
        <translation>Er wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>The training stopped</source>
        <translation>Das Training wurde abgebrochen</translation>
    </message>
    <message>
        <source>In the Imitator column</source>
        <translation>In der Imitator-Spalte</translation>
    </message>
</context>
<context>
    <name>ItemFlow</name>
    <message>
        <source>Tie: equally good</source>
        <translation>Unentschieden: gleich gut</translation>
    </message>
    <message>
        <source>All bad</source>
        <translation>Alle schlecht</translation>
    </message>
    <message numerus="yes">
        <source>This item has %Ln answers but the lineup shows {columns}, so it can&apos;t be judged here; its marks and verdict are kept.</source>
        <translation>
            <numerusform>Dieser Eintrag hat %Ln Antwort, aber die Aufstellung zeigt {columns}; darum kann er hier nicht bewertet werden. Seine Markierungen und sein Urteil bleiben erhalten.</numerusform>
            <numerusform>Dieser Eintrag hat %Ln Antworten, aber die Aufstellung zeigt {columns}; darum kann er hier nicht bewertet werden. Seine Markierungen und sein Urteil bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The batch has not written every answer to this question yet; judge it once they are in.</source>
        <translation>Der Stapel hat noch nicht alle Antworten auf diese Frage geschrieben; bewerten Sie sie, sobald sie da sind.</translation>
    </message>
    <message>
        <source>Phase 2 of 2: the reference is shown. Revise if needed, then submit.</source>
        <translation>Phase 2 von 2: Die Referenz wird gezeigt. Ändern Sie Ihr Urteil bei Bedarf und geben Sie es dann ab.</translation>
    </message>
    <message>
        <source>Verdict saved. Ctrl+Page Down: next item.</source>
        <translation>Urteil gespeichert. Strg+Bild ab: nächster Eintrag.</translation>
    </message>
    <message>
        <source>Verdict saved at {time}. Ctrl+Page Down: next item.</source>
        <translation>Urteil um {time} gespeichert. Strg+Bild ab: nächster Eintrag.</translation>
    </message>
    <message>
        <source>Wait for the answers to finish, or stop them (Esc), before moving on.</source>
        <translation>Warten Sie, bis die Antworten fertig sind, oder halten Sie sie an (Esc), bevor Sie weitergehen.</translation>
    </message>
    <message>
        <source>Type the next question and press Ctrl+Enter.</source>
        <translation>Tippen Sie die nächste Frage ein und drücken Sie Strg+Eingabe.</translation>
    </message>
    <message>
        <source>Ask a question first; then choose which answer is better.</source>
        <translation>Stellen Sie zuerst eine Frage; wählen Sie dann die bessere Antwort.</translation>
    </message>
    <message>
        <source>Wait until every answer has finished (or stop them) before the verdict.</source>
        <translation>Warten Sie vor dem Urteil, bis jede Antwort fertig ist (oder halten Sie sie an).</translation>
    </message>
    <message>
        <source>Choose which answer is better first (Ctrl+J, then the arrow keys).</source>
        <translation>Wählen Sie zuerst die bessere Antwort (Strg+J, dann die Pfeiltasten).</translation>
    </message>
    <message>
        <source>Saving your verdict… marking works again in a moment.</source>
        <translation>Ihr Urteil wird gespeichert… Markieren geht gleich wieder.</translation>
    </message>
    <message>
        <source>Verdict saved. The reference answer is shown: revise if needed, submit again.</source>
        <translation>Urteil gespeichert. Die Referenzantwort wird gezeigt: Ändern Sie Ihr Urteil bei Bedarf und geben Sie es erneut ab.</translation>
    </message>
    <message>
        <source>Answer {position} was {role}</source>
        <translation>Antwort {position} war {role}</translation>
    </message>
    <message>
        <source>Verdict saved. {names}.</source>
        <translation>Urteil gespeichert. {names}.</translation>
    </message>
    <message>
        <source>The verdict could not be saved</source>
        <translation>Das Urteil konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>&amp;Stapel</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before starting a new session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine neue Sitzung beginnen.</translation>
    </message>
    <message>
        <source>New blind session: answers are shown as Answer 1…N until your verdict.</source>
        <translation>Neue blinde Sitzung: Die Antworten heißen bis zu Ihrem Urteil Antwort 1…N.</translation>
    </message>
    <message>
        <source>New session started.</source>
        <translation>Neue Sitzung begonnen.</translation>
    </message>
    <message>
        <source>Stop the answers being written (Esc) before opening another session.</source>
        <translation>Halten Sie die Antworten an, die gerade geschrieben werden (Esc), bevor Sie eine andere Sitzung öffnen.</translation>
    </message>
    <message numerus="yes">
        <source>Opened “{title}”: %n item(s).</source>
        <translation>
            <numerusform>„{title}“ geöffnet: %n Eintrag.</numerusform>
            <numerusform>„{title}“ geöffnet: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session exported to {path}</source>
        <translation>Sitzung exportiert nach {path}</translation>
    </message>
    <message>
        <source>Saving works again; everything is written.</source>
        <translation>Speichern geht wieder; alles ist geschrieben.</translation>
    </message>
</context>
<context>
    <name>ModelsMenu</name>
    <message>
        <source>Model &amp;library…</source>
        <translation>Modell&amp;bibliothek…</translation>
    </message>
    <message>
        <source>&amp;Lineup…</source>
        <translation>&amp;Aufstellung…</translation>
    </message>
    <message>
        <source>&amp;Teacher connections…</source>
        <translation>&amp;Lehrer-Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Make an imitator…</source>
        <translation>Einen &amp;Imitator erstellen…</translation>
    </message>
    <message>
        <source>&amp;Export demo pack…</source>
        <translation>Demo-Paket &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import demo pack…</source>
        <translation>Demo-Paket im&amp;portieren…</translation>
    </message>
    <message>
        <source>The model made could not be added to the library: {error}</source>
        <translation>Das erstellte Modell konnte nicht der Bibliothek hinzugefügt werden: {error}</translation>
    </message>
    <message>
        <source>Export demo pack</source>
        <translation>Demo-Paket exportieren</translation>
    </message>
    <message>
        <source>Demo pack (*.json)</source>
        <translation>Demo-Paket (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Demo pack written to {target}: %n recorded teacher answer(s).</source>
        <translation>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antwort.</numerusform>
            <numerusform>Demo-Paket nach {target} geschrieben: %n aufgezeichnete Lehrer-Antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no recorded teacher answers in this session yet: connect a teacher and ask the questions once, then export.</source>
        <translation>In dieser Sitzung gibt es noch keine aufgezeichneten Lehrer-Antworten: Verbinden Sie einen Lehrer, stellen Sie die Fragen einmal und exportieren Sie dann.</translation>
    </message>
    <message>
        <source>The demo pack could not be written to {target}: {reason}</source>
        <translation>Das Demo-Paket konnte nicht nach {target} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Import demo pack</source>
        <translation>Demo-Paket importieren</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n recorded teacher answer(s) from {file}. In a teacher column they stand in when the teacher can&apos;t be reached.</source>
        <translation>
            <numerusform>%n aufgezeichnete Lehrer-Antwort aus {file} importiert. In einer Lehrer-Spalte springt sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
            <numerusform>%n aufgezeichnete Lehrer-Antworten aus {file} importiert. In einer Lehrer-Spalte springen sie ein, wenn der Lehrer nicht erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} could not be read</source>
        <translation>{file} konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing was imported. {reason}</source>
        <translation>Nichts wurde importiert. {reason}</translation>
    </message>
</context>
<context>
    <name>PromptSetsDialog</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Reference answer</source>
        <translation>Referenzantwort</translation>
    </message>
    <message>
        <source>Also accepted</source>
        <translation>Auch akzeptiert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Question files (*.jsonl *.json *.csv *.tsv *.parquet)</source>
        <translation>Fragendateien (*.jsonl *.json *.csv *.tsv *.parquet)</translation>
    </message>
    <message>
        <source>Prompt sets</source>
        <translation>Fragensätze</translation>
    </message>
    <message>
        <source>The built-in and imported sets; pick one to preview</source>
        <translation>Die mitgelieferten und importierten Sätze; wählen Sie einen für die Vorschau</translation>
    </message>
    <message>
        <source>About this set</source>
        <translation>Über diesen Satz</translation>
    </message>
    <message>
        <source>Questions in this set</source>
        <translation>Fragen in diesem Satz</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add a set from a file: the app&apos;s own JSONL or CSV, or a public set such as NQ-open, TriviaQA, SimpleQA, TruthfulQA, Alpaca or ShareGPT</source>
        <translation>Einen Satz aus einer Datei hinzufügen: das eigene JSONL oder CSV der App oder einen öffentlichen Satz wie NQ-open, TriviaQA, SimpleQA, TruthfulQA, Alpaca oder ShareGPT</translation>
    </message>
    <message>
        <source>Import a random sample of</source>
        <translation>Nur eine Zufallsstichprobe importieren:</translation>
    </message>
    <message>
        <source>For large sets: the same questions each time for the same number and seed. A file of more than {limit} questions can only be imported as a sample.</source>
        <translation>Für große Sätze: Bei gleicher Anzahl und gleichem Startwert sind es jedes Mal dieselben Fragen. Eine Datei mit mehr als {limit} Fragen lässt sich nur als Stichprobe importieren.</translation>
    </message>
    <message>
        <source>Questions in the sample</source>
        <translation>Fragen in der Stichprobe</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>Startwert </translation>
    </message>
    <message>
        <source>Seed of the sample</source>
        <translation>Startwert der Stichprobe</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Die Datei wird gelesen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Forget an imported set; questions already answered stay in their sessions</source>
        <translation>Einen importierten Satz vergessen; schon beantwortete Fragen bleiben in ihren Sitzungen</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Answers appear as Answer 1…N in a counterbalanced order until your verdict</source>
        <translation>Die Antworten erscheinen bis zu Ihrem Urteil als Antwort 1…N in ausgeglichener Reihenfolge</translation>
    </message>
    <message>
        <source>Run through the lineup</source>
        <translation>Mit der Aufstellung starten</translation>
    </message>
    <message>
        <source>Start a new session and let every column answer every question of this set</source>
        <translation>Eine neue Sitzung beginnen und jede Spalte jede Frage dieses Satzes beantworten lassen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sets&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sätze&lt;/b&gt;</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln question(s)</source>
        <translation>
            <numerusform>%Ln Frage</numerusform>
            <numerusform>%Ln Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{name}&lt;/b&gt; — %Ln question(s), {references} with a reference answer (checked automatically).</source>
        <translation>
            <numerusform>&lt;b&gt;{name}&lt;/b&gt; — %Ln Frage, {references} mit Referenzantwort (automatisch geprüft).</numerusform>
            <numerusform>&lt;b&gt;{name}&lt;/b&gt; — %Ln Fragen, {references} mit Referenzantwort (automatisch geprüft).</numerusform>
        </translation>
    </message>
    <message>
        <source>Topics: {tags}.</source>
        <translation>Themen: {tags}.</translation>
    </message>
    <message>
        <source>Licence: {licence}.</source>
        <translation>Lizenz: {licence}.</translation>
    </message>
    <message>
        <source>Licence: not known — check where the file came from.</source>
        <translation>Lizenz: unbekannt — prüfen Sie, woher die Datei stammt.</translation>
    </message>
    <message>
        <source>Imported from {file}.</source>
        <translation>Importiert aus {file}.</translation>
    </message>
    <message>
        <source>Import a prompt set</source>
        <translation>Einen Fragensatz importieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read</source>
        <translation>
            <numerusform>%Ln Zeile gelesen</numerusform>
            <numerusform>%Ln Zeilen gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported “{name}”: %Ln question(s), {references} with a reference answer.</source>
        <translation>
            <numerusform>„{name}“ importiert: %Ln Frage, {references} mit Referenzantwort.</numerusform>
            <numerusform>„{name}“ importiert: %Ln Fragen, {references} mit Referenzantwort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt set was not imported</source>
        <translation>Der Fragensatz wurde nicht importiert</translation>
    </message>
    <message>
        <source>Removed “{name}”. Sessions that ran it keep their questions.</source>
        <translation>„{name}“ entfernt. Sitzungen, in denen er lief, behalten ihre Fragen.</translation>
    </message>
</context>
<context>
    <name>SessionBrowser</name>
    <message>
        <source>Title (F2 renames)</source>
        <translation>Titel (F2: umbenennen)</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Bewertet von</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Lineup</source>
        <translation>Aufstellung</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Search the questions and answers of every session…</source>
        <translation>Die Fragen und Antworten aller Sitzungen durchsuchen…</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Sitzungen durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in prompts and answers</source>
        <translation>Wörter, die in Fragen und Antworten gesucht werden</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the selected session; F2 renames it</source>
        <translation>Die Eingabetaste oder ein Doppelklick öffnet die gewählte Sitzung; F2 benennt sie um</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Continue the selected session</source>
        <translation>Mit der gewählten Sitzung weitermachen</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Umbe&amp;nennen</translation>
    </message>
    <message>
        <source>Rename session</source>
        <translation>Sitzung umbenennen</translation>
    </message>
    <message>
        <source>Type a new title (F2)</source>
        <translation>Einen neuen Titel eintippen (F2)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate session</source>
        <translation>Sitzung duplizieren</translation>
    </message>
    <message>
        <source>A fresh copy of the prompts and answers, unjudged</source>
        <translation>Eine frische Kopie der Fragen und Antworten, unbewertet</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Delete (can be undone)</source>
        <translation>Löschen (lässt sich rückgängig machen)</translation>
    </message>
    <message>
        <source>&amp;Study view…</source>
        <translation>&amp;Studienansicht…</translation>
    </message>
    <message>
        <source>Study view</source>
        <translation>Studienansicht</translation>
    </message>
    <message>
        <source>Read the selected sessions together: preference, accuracy and style per model</source>
        <translation>Die gewählten Sitzungen zusammen lesen: Vorzug, Genauigkeit und Stil je Modell</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Bring the session back</source>
        <translation>Die Sitzung zurückholen</translation>
    </message>
    <message>
        <source>Yes, delete</source>
        <translation>Ja, löschen</translation>
    </message>
    <message>
        <source>Confirm delete</source>
        <translation>Löschen bestätigen</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Die Sitzung löschen</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>dd.MM.yyyy, HH:mm</translation>
    </message>
    <message>
        <source> · blind</source>
        <translation> · blind</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) with “{query}” in a question or answer.</source>
        <translation>
            <numerusform>%Ln Sitzung mit „{query}“ in einer Frage oder Antwort.</numerusform>
            <numerusform>%Ln Sitzungen mit „{query}“ in einer Frage oder Antwort.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s).</source>
        <translation>
            <numerusform>%Ln Sitzung.</numerusform>
            <numerusform>%Ln Sitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two or more sessions (Ctrl and a click) to read them together.</source>
        <translation>Wählen Sie zwei oder mehr Sitzungen (Strg und ein Klick), um sie zusammen zu lesen.</translation>
    </message>
    <message>
        <source>Renamed to “{title}”.</source>
        <translation>Umbenannt in „{title}“.</translation>
    </message>
    <message>
        <source>Made a fresh copy of “{title}” to judge again.</source>
        <translation>Eine frische Kopie von „{title}“ zum erneuten Bewerten erstellt.</translation>
    </message>
    <message>
        <source>This session is open in the window. Open or start another one first.</source>
        <translation>Diese Sitzung ist im Fenster geöffnet. Öffnen oder beginnen Sie zuerst eine andere.</translation>
    </message>
    <message>
        <source>Delete “{title}” ({items}, {marks})?</source>
        <translation>„{title}“ löschen ({items}, {marks})?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mark(s)</source>
        <translation>
            <numerusform>%Ln Markierung</numerusform>
            <numerusform>%Ln Markierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted “{title}”. Undo brings it back.</source>
        <translation>„{title}“ gelöscht. Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>“{title}” is back.</source>
        <translation>„{title}“ ist wieder da.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your marks and verdicts carry this name in every export and report, sessions already judged included. Exports written before keep the name they had.</source>
        <translation>Ihre Markierungen und Urteile tragen diesen Namen in jedem Export und Bericht, auch in schon bewerteten Sitzungen. Früher geschriebene Exporte behalten ihren Namen.</translation>
    </message>
    <message>
        <source>Language of the interface</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>Keep these preferences</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>Training progress</source>
        <translation>Fortschritt des Trainings</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Neue Sitzung</translation>
    </message>
    <message>
        <source>New &amp;blind session</source>
        <translation>Neue b&amp;linde Sitzung</translation>
    </message>
    <message>
        <source>Answers appear as Answer 1…N in a counterbalanced order; who wrote which is shown after your verdict</source>
        <translation>Die Antworten erscheinen als Antwort 1…N in ausgeglichener Reihenfolge; wer welche schrieb, zeigt sich nach Ihrem Urteil</translation>
    </message>
    <message>
        <source>&amp;Sessions…</source>
        <translation>&amp;Sitzungen…</translation>
    </message>
    <message>
        <source>&amp;Export session as</source>
        <translation>Sitzung e&amp;xportieren als</translation>
    </message>
    <message>
        <source>&amp;Import a colleague&apos;s session…</source>
        <translation>Sitzung einer anderen Person &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>Be&amp;richt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Your name as the evaluator</source>
        <translation>Ihr Name als bewertende Person</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;How to use Imitation Lens</source>
        <translation>&amp;So benutzen Sie Imitation Lens</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Über {app}</translation>
    </message>
    <message>
        <source>1. Type a question and press Run (Ctrl+Enter). Every column answers it.
2. Read the answers. Select wrong words (mouse, or Shift+arrows in an answer) and press {keys} for the kind of error; m or Shift+M sets Minor or Major; E opens the full form with a note and a correction.
3. Tick “Checked: no errors” on answers you checked and found clean, choose which answer is better and submit the verdict. Ctrl+Page Down goes on.
4. Everything is saved as it happens. File ▸ Export saves the session as JSON.

F1 lists every key. A blind session (File ▸ New blind session) hides who wrote each answer until your verdict.</source>
        <translation>1. Tippen Sie eine Frage ein und drücken Sie „Run“ (Strg+Eingabe). Jede Spalte beantwortet sie.
2. Lesen Sie die Antworten. Markieren Sie falsche Wörter (mit der Maus oder Umschalt+Pfeiltasten in einer Antwort) und drücken Sie {keys} für die Art des Fehlers; m oder Umschalt+M setzt „Minor“ (leicht) oder „Major“ (schwer); E öffnet das ganze Formular mit Notiz und Korrektur.
3. Haken Sie „Checked: no errors“ bei Antworten an, die Sie geprüft und fehlerfrei gefunden haben, wählen Sie die bessere Antwort und geben Sie das Urteil ab. Strg+Bild ab geht weiter.
4. Alles wird sofort gespeichert. Datei ▸ Sitzung exportieren als speichert die Sitzung als JSON.

F1 zeigt alle Tasten. Eine blinde Sitzung (Datei ▸ Neue blinde Sitzung) verbirgt bis zu Ihrem Urteil, wer welche Antwort schrieb.</translation>
    </message>
</context>
<context>
    <name>WorkshopChoices</name>
    <message>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>The model that learns. Models of the Llama family can be trained here; the built-in Gemma cannot.</source>
        <translation>Das Modell, das lernt. Modelle der Llama-Familie lassen sich hier trainieren; das mitgelieferte Gemma nicht.</translation>
    </message>
    <message>
        <source>1. The base model to teach</source>
        <translation>1. Das Basismodell, das lernen soll</translation>
    </message>
    <message>
        <source>The teacher answers that ship with the app</source>
        <translation>Die Lehrer-Antworten, die mit der App kommen</translation>
    </message>
    <message>
        <source>This session&apos;s teacher answers</source>
        <translation>Die Lehrer-Antworten dieser Sitzung</translation>
    </message>
    <message>
        <source>Answers in a file (Alpaca or ShareGPT)</source>
        <translation>Antworten in einer Datei (Alpaca oder ShareGPT)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>The teacher answers chosen</source>
        <translation>Die gewählten Lehrer-Antworten</translation>
    </message>
    <message>
        <source>2. The teacher&apos;s answers to learn from</source>
        <translation>2. Die Antworten des Lehrers, von denen gelernt wird</translation>
    </message>
    <message>
        <source>Times through every answer (epochs)</source>
        <translation>Durchgänge durch alle Antworten (Epochen)</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert (Seed)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Show the advanced settings</source>
        <translation>Die erweiterten Einstellungen zeigen</translation>
    </message>
    <message>
        <source>3. Settings</source>
        <translation>3. Einstellungen</translation>
    </message>
    <message>
        <source>Times through every answer (epochs):</source>
        <translation>Durchgänge durch alle Antworten (Epochen):</translation>
    </message>
    <message>
        <source>Seed (the same seed makes the same model):</source>
        <translation>Startwert (derselbe Startwert ergibt dasselbe Modell):</translation>
    </message>
    <message>
        <source>Learning rate (peak):</source>
        <translation>Lernrate (Höchstwert):</translation>
    </message>
</context>
<context>
    <name>WorkshopCounts</name>
    <message numerus="yes">
        <source>%n answers to learn from; {held_out} of them are kept aside to measure how well it learns. Training takes {time} and needs about {memory} of memory and {disk} of disk.</source>
        <translation>
            <numerusform>%n Antwort zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
            <numerusform>%n Antworten zum Lernen; {held_out} davon werden beiseitegelegt, um zu messen, wie gut es lernt. Das Training dauert {time} und braucht etwa {memory} Arbeitsspeicher und {disk} Speicherplatz.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answers from “{name}”</source>
        <translation>
            <numerusform>%n Antwort aus „{name}“</numerusform>
            <numerusform>%n Antworten aus „{name}“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epochs</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>about {minutes} min</source>
        <translation>etwa {minutes} Min.</translation>
    </message>
    <message>
        <source>about {hours} hours</source>
        <translation>etwa {hours} Stunden</translation>
    </message>
    <message>
        <source>written by {teacher}</source>
        <translation>geschrieben von {teacher}</translation>
    </message>
    <message>
        <source>licence: {licence}</source>
        <translation>Lizenz: {licence}</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held} (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>Training loss {train} · held-out loss {held}, {start} before training (lower is better for both)</source>
        <translation>Trainingsverlust {train} · Verlust auf zurückgehaltenen Antworten {held}, vor dem Training {start} (bei beiden ist niedriger besser)</translation>
    </message>
    <message>
        <source>? epochs</source>
        <translation>? Epochen</translation>
    </message>
    <message>
        <source>Made from {base} with {answers} answers from “{data}”, {epochs}{kept}, seed {seed}.</source>
        <translation>Erstellt aus {base} mit {answers} Antworten aus „{data}“, {epochs}{kept}, Startwert {seed}.</translation>
    </message>
    <message>
        <source>Held-out loss {before} before training → {after} (lower is better)</source>
        <translation>Verlust auf zurückgehaltenen Antworten vor dem Training {before} → {after} (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Teacher answers</source>
        <translation>Lehrer-Antworten</translation>
    </message>
    <message>
        <source>Teacher answers (*.json *.jsonl *.csv *.parquet);;All files (*)</source>
        <translation>Lehrer-Antworten (*.json *.jsonl *.csv *.parquet);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The imitator is still being trained. Stop the training and close? Nothing of it is kept.</source>
        <translation>Der Imitator wird noch trainiert. Das Training anhalten und schließen? Nichts davon wird behalten.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>Weiter trainieren</translation>
    </message>
</context>
</TS>
