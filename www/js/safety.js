// The safety page needs only the quick exit.
import { installExit } from "../components/exit/exit.js";

installExit(document.getElementById("exit"));
