// The safety page needs only the quick exit.
import { installExit } from "./exit.js";

installExit();
