"""Making an imitator: fine-tuning a base model on a teacher's answers, in llama.cpp itself.

plan.py says what a training run is given and gives back; teacher_answers.py reads the answers
to train on (the built-in set, a session's teacher answers, an Alpaca/ShareGPT file); checks.py
refuses a plan that cannot work before anything starts; run.py runs one in a child process (a
llama.cpp abort or running out of memory must never take the window down) and worker.py is that
process.
"""
